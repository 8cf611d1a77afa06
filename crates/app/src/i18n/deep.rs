//! Strings of the deep-networks screen, one table per language. `{}` marks where a number or
//! name goes, filled in order.

/// Every string the deep-networks screen shows.
#[derive(Debug, PartialEq)]
pub struct DeepTexts {
    pub intro: &'static str,
}

/// English.
pub const EN: DeepTexts = DeepTexts {
    intro: "Train each hidden layer to reproduce its own input, stack the layers, then train the output with labels.",
};

/// 中文.
pub const ZH: DeepTexts = DeepTexts {
    intro: "让每个隐藏层学会重建自己的输入，逐层堆叠，最后用标签训练输出层。",
};
