//! Every string the user reads, one table per language. Adding a field forces both
//! languages to say it, so no screen can show untranslated text.

pub mod backprop;
pub mod boundaries;
pub mod conv;
pub mod deep;
pub mod lstm;

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese, the lecture's language.
    Zh,
}

impl Lang {
    /// The other language (the switch offers it).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The BCP 47 tag, for the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language a browser prefers, from `navigator.language`.
    pub fn from_browser_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// This language's strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// A screen's name, its one-line promise and the lecture section it brings to life.
#[derive(Debug, PartialEq)]
pub struct ScreenText {
    /// The screen's title.
    pub name: &'static str,
    /// A short name for the navigation bar.
    pub short: &'static str,
    /// One sentence: what the student does there.
    pub blurb: &'static str,
    /// Which part of the lecture it belongs to.
    pub section: &'static str,
}

/// All interface strings of one language.
#[derive(Debug, PartialEq)]
pub struct Texts {
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    pub switch_language: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub home: &'static str,
    pub home_intro: &'static str,
    pub home_screens: &'static str,
    pub home_more: &'static str,
    pub open_screen: &'static str,
    pub coming_soon: &'static str,
    pub coming_soon_body: &'static str,
    pub will_show: &'static str,
    pub boundaries: ScreenText,
    pub backprop: ScreenText,
    pub conv: ScreenText,
    pub deep: ScreenText,
    pub lstm: ScreenText,
    pub lstm_plan: &'static [&'static str],
    pub activations: ScreenText,
    pub activations_intro: &'static str,
    pub activation_value: &'static str,
    pub activation_derivative: &'static str,
    pub sign_note: &'static str,
    pub sigmoid_note: &'static str,
    pub tanh_note: &'static str,
    pub relu_note: &'static str,
    pub linear_note: &'static str,
    pub not_found: &'static str,
    pub not_found_body: &'static str,
    pub dismiss: &'static str,
    pub footer: &'static str,
    pub presenter: &'static str,
    pub presenter_title: &'static str,
    pub fullscreen: &'static str,
    /// The small button on a panel in presenter mode.
    pub hide: &'static str,
    /// Its accessible name.
    pub hide_panel: &'static str,
    /// The header chip when panels are hidden: `{}` is how many.
    pub hidden_count: &'static str,
    /// The chip's tooltip.
    pub hidden_title: &'static str,
    pub keys_title: &'static str,
    /// (keys, what they do) rows of the shortcut list.
    pub keys_rows: &'static [(&'static str, &'static str)],
    pub close: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub save_file: &'static str,
    pub open_file: &'static str,
    pub file_opened: &'static str,
    pub file_not_ours: &'static str,
    pub file_other_screen: &'static str,
    pub file_too_big: &'static str,
    pub file_unreadable: &'static str,
    /// The decision-boundaries screen's own strings.
    pub boundaries_ui: &'static boundaries::BoundariesTexts,
    /// The backprop screen's own strings.
    pub backprop_ui: &'static backprop::BackpropTexts,
    /// The convolution painter's own strings.
    pub conv_ui: &'static conv::ConvTexts,
    /// The LSTM screen's own strings.
    pub lstm_ui: &'static lstm::LstmTexts,
    /// The deep-networks screen's own strings.
    pub deep_ui: &'static deep::DeepTexts,
}

/// English.
pub static EN: Texts = Texts {
    app_title: "Neural network playground",
    app_tagline: "One lecture on neural networks, to touch and to try.",
    switch_language: "中文",
    skip_to_content: "Skip to content",
    nav_label: "Screens",
    home: "Home",
    home_intro: "A neural network is a stack of feature extraction functions learned from data. \
        Each screen below turns one idea of the lecture into something you can paint, step \
        through and change — everything runs in your browser, nothing is sent anywhere.",
    home_screens: "Screens",
    home_more: "More of the lecture",
    open_screen: "Open",
    coming_soon: "Being built",
    coming_soon_body: "This screen is on its way. Here is what it will let you do:",
    will_show: "What you will see",
    boundaries: ScreenText {
        name: "Decision boundaries",
        short: "Boundaries",
        blurb: "Paint points, pick φ(x) and a network, and watch the boundary and every hidden unit learn.",
        section: "§1–3 Feature maps, hypothesis classes, networks",
    },
    backprop: ScreenText {
        name: "Backprop on the car example",
        short: "Backprop",
        blurb: "The two-cars network as a computation graph: forward values f_i, backward values g_i, one node at a time.",
        section: "§2 & §4 The car example, backpropagation",
    },
    conv: ScreenText {
        name: "Convolution painter",
        short: "Convolution",
        blurb: "Paint an image and see every feature map change as you paint: kernels, ReLU, pooling.",
        section: "§6 Convolutional networks",
    },
    deep: ScreenText {
        name: "Deep networks, layer by layer",
        short: "Deep nets",
        blurb: "Pretrain each hidden layer as an autoencoder on unlabelled digits, stack them, then fine-tune with a few labels.",
        section: "§5 Deep networks and autoencoders",
    },
    lstm: ScreenText {
        name: "LSTM gates over time",
        short: "LSTM gates",
        blurb: "RNN, LSTM, peephole, coupled LSTM and GRU on the same sequence, every gate unrolled over time.",
        section: "§7 Recurrent networks",
    },
    lstm_plan: &[
        "Run the same input through RNN, LSTM, peephole, coupled LSTM and GRU.",
        "See every gate's activation as a heat map of unit × time, and the equations with numbers.",
        "Watch the plain RNN forget a long-term dependency that the LSTM keeps.",
    ],
    activations: ScreenText {
        name: "Activation functions",
        short: "Activations",
        blurb: "sign, σ, tanh and ReLU with their derivatives — why sign cannot be trained and ReLU vanishes less.",
        section: "§3 Activation functions",
    },
    activations_intro: "Each plot shows an activation a(z) and its derivative a′(z). Backpropagation \
        multiplies derivatives layer by layer, so their size decides whether a deep network can learn.",
    activation_value: "a(z)",
    activation_derivative: "a′(z)",
    sign_note: "sign: the lecture's hand-built network uses it, but its derivative is 0 everywhere — gradient descent gets no signal.",
    sigmoid_note: "Logistic σ(z) = 1/(1+e⁻ᶻ): a smooth sign. Its derivative is at most 0.25, so each layer shrinks the gradient.",
    tanh_note: "tanh: like σ but centred on 0, derivative up to 1.",
    relu_note: "ReLU max(0, z): one-sided, sparse (many units output 0), and a derivative of 1 wherever it is active — less vanishing gradient.",
    linear_note: "Linear: the identity. A stack of linear layers is still linear — the non-linearity is what makes depth useful.",
    not_found: "No such screen",
    not_found_body: "The link points to a screen that does not exist (yet). Pick one from the list above.",
    dismiss: "Dismiss",
    footer: "Runs entirely in your browser. Based on the lecture “Neural Networks” (data mining course, USTC, 2017).",
    presenter: "Presenter",
    presenter_title: "Large type for projecting in a lecture hall",
    fullscreen: "Full screen",
    hide: "Hide",
    hide_panel: "Hide this panel",
    hidden_count: "{} hidden · Show all",
    hidden_title: "Some panels of this screen are hidden (the link says so). Show them all again",
    keys_title: "Keyboard shortcuts",
    keys_rows: &[
        ("Space", "Play or pause training"),
        ("→", "One step: an epoch, a node of the pass, an update"),
        ("R", "Reset"),
        (
            "1 · 2 · E",
            "Decision boundaries: paint +1, paint −1, erase",
        ),
        ("?", "Show or hide this list"),
        ("Esc", "Close this list"),
    ],
    close: "Close",
    copy_link: "Copy link",
    link_copied: "Link copied",
    save_file: "Save to file",
    open_file: "Open file…",
    file_opened: "Opened.",
    file_not_ours: "This is not a file saved by this playground; nothing was changed.",
    file_other_screen: "This file belongs to another screen ({}); open it there. Nothing was changed.",
    file_too_big: "This file is too large to be one of ours (over 4 MB); nothing was changed.",
    file_unreadable: "The browser could not read this file; nothing was changed.",
    boundaries_ui: &boundaries::EN,
    backprop_ui: &backprop::EN,
    conv_ui: &conv::EN,
    lstm_ui: &lstm::EN,
    deep_ui: &deep::EN,
};

/// Simplified Chinese.
pub static ZH: Texts = Texts {
    app_title: "神经网络游乐场",
    app_tagline: "一堂神经网络课，亲手摸一摸、试一试。",
    switch_language: "English",
    skip_to_content: "跳到正文",
    nav_label: "页面",
    home: "首页",
    home_intro: "神经网络是一层层从数据中学到的特征提取函数。下面每个页面把课上的一个想法变成可以画、\
        可以单步执行、可以修改的东西——全部在你的浏览器里运行，不向任何地方发送数据。",
    home_screens: "页面",
    home_more: "课程的其他内容",
    open_screen: "打开",
    coming_soon: "建设中",
    coming_soon_body: "这个页面即将完成。它将让你：",
    will_show: "你将看到",
    boundaries: ScreenText {
        name: "决策边界",
        short: "决策边界",
        blurb: "画出数据点，选择特征提取函数 φ(x) 和网络，观察决策边界和每个隐藏单元如何学习。",
        section: "§1–3 特征提取函数、假设类、神经网络",
    },
    backprop: ScreenText {
        name: "两辆车的反向传播",
        short: "反向传播",
        blurb: "把两辆车的网络画成计算图：前向值 f_i、反向值 g_i，一个节点一个节点地计算。",
        section: "§2 与 §4 神经网络的例子、反向传播",
    },
    conv: ScreenText {
        name: "卷积画板",
        short: "卷积",
        blurb: "画一幅图像，边画边看每个特征图的变化：卷积核、ReLU、池化。",
        section: "§6 卷积神经网络",
    },
    deep: ScreenText {
        name: "深度网络：逐层预训练",
        short: "深度网络",
        blurb: "把每个隐藏层当作自编码器在无标签的手写数字上预训练，逐层堆叠，再用少量标签微调。",
        section: "§5 深度网络与自编码器",
    },
    lstm: ScreenText {
        name: "LSTM 的门随时间变化",
        short: "LSTM 门",
        blurb: "RNN、LSTM、窥视孔、耦合 LSTM 和 GRU 处理同一个序列，每个门按时间展开。",
        section: "§7 循环神经网络",
    },
    lstm_plan: &[
        "让同一个输入依次经过 RNN、LSTM、窥视孔 LSTM、耦合 LSTM 和 GRU。",
        "把每个门的激活画成“单元 × 时间”的热力图，并写出代入数字的公式。",
        "看普通 RNN 忘掉 LSTM 能记住的长期依赖。",
    ],
    activations: ScreenText {
        name: "激活函数",
        short: "激活函数",
        blurb: "sign、σ、tanh 和 ReLU 及其导数——为什么 sign 无法训练，ReLU 更少梯度消失。",
        section: "§3 激活函数",
    },
    activations_intro: "每幅图画出激活函数 a(z) 和它的导数 a′(z)。反向传播逐层把导数相乘，\
        导数的大小决定了深层网络能否学习。",
    activation_value: "a(z)",
    activation_derivative: "a′(z)",
    sign_note: "sign：课上手工搭建的网络用它，但它的导数处处为 0——梯度下降得不到任何信号。",
    sigmoid_note: "逻辑函数 σ(z) = 1/(1+e⁻ᶻ)：平滑的 sign。导数最大只有 0.25，所以每一层都会让梯度变小。",
    tanh_note: "tanh：和 σ 相似，但以 0 为中心，导数最大为 1。",
    relu_note: "ReLU max(0, z)：单侧抑制、稀疏激活（很多单元输出 0），激活时导数为 1——梯度消失更少。",
    linear_note: "线性：恒等函数。线性层叠起来仍然是线性的——非线性才让深度有意义。",
    not_found: "没有这个页面",
    not_found_body: "链接指向一个不存在（或尚未完成）的页面。请从上面的列表中选择。",
    dismiss: "关闭",
    footer: "完全在你的浏览器中运行。内容基于“神经网络”一课（数据挖掘与数据仓库，中国科学技术大学，2017）。",
    presenter: "投影模式",
    presenter_title: "大字号，适合在教室里投影",
    fullscreen: "全屏",
    hide: "隐藏",
    hide_panel: "隐藏此面板",
    hidden_count: "已隐藏 {} 个面板 · 全部显示",
    hidden_title: "本页的一些面板被隐藏了（链接中指定）。点击全部重新显示",
    keys_title: "键盘快捷键",
    keys_rows: &[
        ("空格", "开始或暂停训练"),
        ("→", "走一步：一轮训练、计算图的一个节点或一次更新"),
        ("R", "重置"),
        ("1 · 2 · E", "决策边界：画 +1、画 −1、擦除"),
        ("?", "显示或隐藏此列表"),
        ("Esc", "关闭此列表"),
    ],
    close: "关闭",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    save_file: "保存到文件",
    open_file: "打开文件…",
    file_opened: "已打开。",
    file_not_ours: "这不是本游乐场保存的文件；没有任何改动。",
    file_other_screen: "这个文件属于另一个页面（{}），请在那里打开。没有任何改动。",
    file_too_big: "文件太大（超过 4 MB），不会是本游乐场保存的文件；没有任何改动。",
    file_unreadable: "浏览器无法读取这个文件；没有任何改动。",
    boundaries_ui: &boundaries::ZH,
    backprop_ui: &backprop::ZH,
    conv_ui: &conv::ZH,
    lstm_ui: &lstm::ZH,
    deep_ui: &deep::ZH,
};

/// `template` with each `{}` replaced by the next argument and each `{k}` by argument k.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inside = &after[..close];
        let index = if inside.is_empty() {
            next += 1;
            Some(next - 1)
        } else {
            inside.parse::<usize>().ok()
        };
        match index.and_then(|k| args.get(k)) {
            Some(arg) => out.push_str(arg),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn languages_switch_back_and_forth() {
        assert_eq!(Lang::En.other(), Lang::Zh);
        assert_eq!(Lang::Zh.other().other(), Lang::Zh);
    }

    #[test]
    fn browser_tags_pick_the_language() {
        assert_eq!(Lang::from_browser_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_browser_tag("ZH-tw"), Lang::Zh);
        assert_eq!(Lang::from_browser_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser_tag(""), Lang::En);
    }

    #[test]
    fn chinese_page_has_chinese_titles() {
        let zh = Lang::Zh.texts();
        let en = Lang::En.texts();
        for (z, e) in [
            (&zh.boundaries, &en.boundaries),
            (&zh.backprop, &en.backprop),
            (&zh.conv, &en.conv),
            (&zh.deep, &en.deep),
            (&zh.lstm, &en.lstm),
            (&zh.activations, &en.activations),
        ] {
            assert_ne!(z.name, e.name);
            assert!(
                z.name
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                z.name
            );
            assert!(
                !e.blurb
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                e.blurb
            );
        }
        assert_eq!(zh.lstm_plan.len(), en.lstm_plan.len());
    }

    #[test]
    fn fill_replaces_in_order_and_by_position() {
        assert_eq!(fill("{} of {}", &["3", "20"]), "3 of 20");
        assert_eq!(
            fill("第 {1} 个位置的“{0}”", &["x", "4"]),
            "第 4 个位置的“x”"
        );
    }
}
