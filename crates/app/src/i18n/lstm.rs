//! Strings of the LSTM screen, one table per language. `{}` marks where a number or name
//! goes, filled in order.

/// Every string the LSTM screen shows.
#[derive(Debug, PartialEq)]
pub struct LstmTexts {
    pub intro: &'static str,
}

/// English.
pub const EN: LstmTexts = LstmTexts {
    intro: "The same input sequence through RNN, LSTM, peephole, coupled LSTM and GRU.",
};

/// 中文.
pub const ZH: LstmTexts = LstmTexts {
    intro: "同一个输入序列分别经过 RNN、LSTM、窥视孔 LSTM、耦合 LSTM 和 GRU。",
};
