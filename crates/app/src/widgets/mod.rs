//! Reusable controls and drawings shared by the screens.

pub mod canvas;
pub mod colours;
pub mod form;
pub mod frame_loop;
pub mod line_chart;
pub mod panel;
pub mod save_picture;
pub mod state_file;
pub mod weights_buttons;

pub use form::event_value;
pub use frame_loop::{FrameLoop, use_frame_loop};
pub use line_chart::{LineChart, Series};
pub use panel::{Panel, PresenterContext};
pub use save_picture::SavePicture;
pub use state_file::StateFile;
pub use weights_buttons::WeightsButtons;
