//! "Save to file" and "Open file" for a screen's whole state (the text of its share link,
//! without the link's length limit). A file that is not ours, or of another screen, gets a
//! clear message and the screen stays as it was.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::share;
use crate::share::store::{self, FileError};

/// Props of [`StateFile`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct StateFileProps {
    /// The screen whose state is saved.
    pub screen: &'static Screen,
    /// The screen's full state as a query, asked for when the user saves.
    pub query: Callback<(), String>,
    /// Called with the query of a file the user opened.
    pub on_open: Callback<String>,
    /// Also offer "Copy link" (for screens without a copy button of their own).
    #[prop_or(false)]
    pub copy_link: bool,
}

/// The two buttons and the message of the last attempt.
#[component]
pub fn StateFile(props: &StateFileProps) -> Html {
    let texts = use_texts();
    let message = use_state_eq(|| None::<Result<(), FileError>>);
    let copied = use_state_eq(|| false);
    let copy = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copied.set(share::copy_link()))
    };
    let save = {
        let (screen, query) = (props.screen, props.query.clone());
        Callback::from(move |_: MouseEvent| {
            let text = store::file_text(screen, &query.emit(()));
            let _ = store::download(&format!("nnp-{}.txt", screen.slug), &text);
        })
    };
    let open = {
        let (screen, on_open, message) = (props.screen, props.on_open.clone(), message.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (on_open, message) = (on_open.clone(), message.clone());
            store::read_text(
                &file,
                Callback::from(move |text: Result<String, FileError>| {
                    match text.and_then(|t| store::parse_file(&t, screen)) {
                        Ok(query) => {
                            message.set(Some(Ok(())));
                            on_open.emit(query);
                        }
                        Err(error) => message.set(Some(Err(error))),
                    }
                }),
            );
        })
    };
    let shown = match &*message {
        None => Html::default(),
        Some(Ok(())) => {
            html! { <span class="file-message" role="status">{ texts.file_opened }</span> }
        }
        Some(Err(error)) => {
            let text = match error {
                FileError::NotOurs => texts.file_not_ours.to_string(),
                FileError::OtherScreen(slug) => crate::i18n::fill(texts.file_other_screen, &[slug]),
                FileError::TooBig => texts.file_too_big.to_string(),
                FileError::Unreadable => texts.file_unreadable.to_string(),
            };
            html! { <span class="file-message file-error" role="alert">{ text }</span> }
        }
    };
    html! {
        <div class="state-file">
            if props.copy_link {
                <button type="button" class="state-copy" onclick={copy}>
                    { if *copied { format!("✓ {}", texts.link_copied) } else { texts.copy_link.to_string() } }
                </button>
            }
            <button type="button" class="state-save" onclick={save}>{ texts.save_file }</button>
            <label class="state-open">
                <span>{ texts.open_file }</span>
                <input type="file" accept=".txt,text/plain" onchange={open} />
            </label>
            { shown }
        </div>
    }
}
