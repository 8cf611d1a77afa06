//! "Save weights (JSON)" and "Open weights…": the screen's network as a weights file (see
//! [`crate::weights_file`]). The screen writes and reads the JSON and says how opening went.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::use_texts;
use crate::share::store;
use crate::weights_file::WeightsError;

/// Props of [`WeightsButtons`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct WeightsButtonsProps {
    /// The screen's slug, for the file's name (`nnp-<slug>-weights.json`).
    pub slug: &'static str,
    /// The weights file's text, asked for when the user saves.
    pub json: Callback<(), String>,
    /// The text of a file the user opened, or why it could not be read.
    pub on_open: Callback<Result<String, WeightsError>>,
}

/// The two buttons.
#[component]
pub fn WeightsButtons(props: &WeightsButtonsProps) -> Html {
    let texts = use_texts();
    let save = {
        let (slug, json) = (props.slug, props.json.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("nnp-{slug}-weights.json");
            let _ = store::download_as(&name, &json.emit(()), "application/json");
        })
    };
    let open = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let on_open = on_open.clone();
            store::read_text(
                &file,
                Callback::from(move |text: Result<String, store::FileError>| {
                    on_open.emit(text.map_err(WeightsError::from));
                }),
            );
        })
    };
    html! {
        <div class="weights-file">
            <button type="button" class="weights-save" title={texts.weights_save_title}
                    onclick={save}>{ texts.weights_save }</button>
            <label class="weights-open">
                <span>{ texts.weights_open }</span>
                <input type="file" accept=".json,application/json,text/plain" onchange={open} />
            </label>
        </div>
    }
}
