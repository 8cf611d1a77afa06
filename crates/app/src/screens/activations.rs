//! The lecture's §3: each activation with its derivative, and why the derivative matters.

use std::rc::Rc;

use nnp_core::activation::{Activation, sample_curve};
use yew::prelude::*;

use crate::i18n::ScreenText;
use crate::i18n::Texts;
use crate::i18n::use_texts;
use crate::screen::Screen;
use crate::widgets::{LineChart, Series};

/// This screen, as the router, the navigation and the home page see it.
pub static SCREEN: Screen = Screen {
    slug: "activations",
    en: ScreenText {
        name: "Activation functions",
        short: "Activations",
        blurb: "sign, σ, tanh and ReLU with their derivatives — why sign cannot be trained and ReLU vanishes less.",
        section: "§3 Activation functions",
    },
    zh: ScreenText {
        name: "激活函数",
        short: "激活函数",
        blurb: "sign、σ、tanh 和 ReLU 及其导数——为什么 sign 无法训练，ReLU 更少梯度消失。",
        section: "§3 激活函数",
    },
    view: || html! { <Activations /> },
};

const Z_RANGE: (f64, f64) = (-4.0, 4.0);
const VALUE_COLOUR: (u8, u8, u8) = (31, 94, 196);
const DERIVATIVE_COLOUR: (u8, u8, u8) = (214, 96, 0);

/// The gallery of activation functions.
#[component]
pub fn Activations() -> Html {
    let texts = use_texts();
    html! {
        <section class="screen screen-activations">
            <p class="screen-section">{ SCREEN.text(texts).section }</p>
            <h1>{ SCREEN.text(texts).name }</h1>
            <p class="lead">{ texts.activations_intro }</p>
            <ul class="gallery">
                { for Activation::ALL.into_iter().map(|a| panel(a, texts)) }
            </ul>
        </section>
    }
}

fn panel(activation: Activation, texts: &'static Texts) -> Html {
    let curve = sample_curve(activation, Z_RANGE.0, Z_RANGE.1, 161);
    let series = Rc::new(vec![
        Series {
            label: texts.activation_value,
            color: VALUE_COLOUR,
            dashed: false,
            points: curve.iter().map(|&(z, a, _)| (z, a)).collect(),
        },
        Series {
            label: texts.activation_derivative,
            color: DERIVATIVE_COLOUR,
            dashed: true,
            points: curve.iter().map(|&(z, _, d)| (z, d)).collect(),
        },
    ]);
    let y_range = match activation {
        Activation::Logistic => (-0.2, 1.2),
        Activation::Relu => (-0.5, 4.0),
        Activation::Linear => (-4.0, 4.0),
        Activation::Sign | Activation::Tanh => (-1.3, 1.3),
    };
    let note = match activation {
        Activation::Sign => texts.sign_note,
        Activation::Logistic => texts.sigmoid_note,
        Activation::Tanh => texts.tanh_note,
        Activation::Relu => texts.relu_note,
        Activation::Linear => texts.linear_note,
    };
    html! {
        <li class={classes!("gallery-item", format!("activation-{}", activation.id()))}>
            <h2>{ formula(activation) }</h2>
            <LineChart series={series} x_range={Z_RANGE} y_range={y_range}
                       description={AttrValue::from(note)} />
            <p>{ note }</p>
        </li>
    }
}

fn formula(activation: Activation) -> &'static str {
    match activation {
        Activation::Sign => "sign(z)",
        Activation::Logistic => "σ(z) = 1 / (1 + e⁻ᶻ)",
        Activation::Tanh => "tanh(z)",
        Activation::Relu => "ReLU(z) = max(0, z)",
        Activation::Linear => "z",
    }
}
