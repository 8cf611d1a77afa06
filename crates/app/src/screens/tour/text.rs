//! The tour's interface strings in both languages (the stops' own texts are in the tour).

use crate::i18n::Lang;

/// Every string of the tour's card.
#[derive(Debug, PartialEq)]
pub struct TourTexts {
    pub label: &'static str,
    pub take_tour: &'static str,
    pub take_tour_blurb: &'static str,
    /// `{}` of `{}`.
    pub progress: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub finish: &'static str,
    pub predict: &'static str,
    pub reveal: &'static str,
    pub reveal_hint: &'static str,
    pub right: &'static str,
    /// `{}` is the right answer.
    pub wrong: &'static str,
    pub tools: &'static str,
    pub open_tour: &'static str,
    pub save_tour: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub leave: &'static str,
    pub keys_hint: &'static str,
    pub opened: &'static str,
    pub unreadable: &'static str,
    pub starting: &'static str,
    pub broken_link: &'static str,
    pub lecture_tour: &'static str,
    pub no_picture: &'static str,
}

/// English.
pub static EN: TourTexts = TourTexts {
    label: "Guided tour",
    take_tour: "Take the tour",
    take_tour_blurb: "The whole lecture as one sequence of live screens, with questions to predict before you run.",
    progress: "Stop {} of {}",
    back: "← Back",
    next: "Next →",
    finish: "Finish ✓",
    predict: "Predict:",
    reveal: "Reveal the answer",
    reveal_hint: "Now run it on the screen, then reveal.",
    right: "Right.",
    wrong: "Not quite — the answer is: {}.",
    tools: "Tour file",
    open_tour: "Open tour file…",
    save_tour: "Save this tour (JSON)",
    copy_link: "Copy link to this stop",
    link_copied: "Link copied",
    leave: "Leave the tour",
    keys_hint: "PageDown / → next · PageUp / ← back",
    opened: "Tour opened.",
    unreadable: "The browser could not read the file.",
    starting: "Opening the tour…",
    broken_link: "This tour link cannot be read:",
    lecture_tour: "Take the lecture's tour instead",
    no_picture: "This stop's picture is not on the screen.",
};

/// Chinese.
pub static ZH: TourTexts = TourTexts {
    label: "导览",
    take_tour: "开始导览",
    take_tour_blurb: "把整堂课串成一组可操作的画面，运行之前先预测答案。",
    progress: "第 {} 站，共 {} 站",
    back: "← 上一站",
    next: "下一站 →",
    finish: "完成 ✓",
    predict: "预测：",
    reveal: "揭晓答案",
    reveal_hint: "现在在画面上运行，然后揭晓。",
    right: "答对了。",
    wrong: "不太对——答案是：{}。",
    tools: "导览文件",
    open_tour: "打开导览文件…",
    save_tour: "保存本导览（JSON）",
    copy_link: "复制本站链接",
    link_copied: "链接已复制",
    leave: "退出导览",
    keys_hint: "PageDown / → 下一站 · PageUp / ← 上一站",
    opened: "导览已打开。",
    unreadable: "浏览器无法读取该文件。",
    starting: "正在打开导览…",
    broken_link: "无法读取这个导览链接：",
    lecture_tour: "改为打开讲义导览",
    no_picture: "本站的图不在画面上。",
};

/// The strings in `lang`.
pub fn texts(lang: Lang) -> &'static TourTexts {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
