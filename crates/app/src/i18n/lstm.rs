//! Strings of the LSTM screen, one table per language. `{}` marks where a number or name
//! goes, filled in order by [`fill`]; `{0}`, `{1}` pick an argument by position.

/// Every string the LSTM screen shows.
#[derive(Debug, PartialEq)]
pub struct LstmTexts {
    pub intro: &'static str,
    pub variants_label: &'static str,
    pub variant_names: &'static [&'static str],
    pub variant_notes: &'static [&'static str],
    pub badge_untrained: &'static str,
    pub badge_updates: &'static str,
    pub badge_reached: &'static str,
    pub train: &'static str,
    pub pause: &'static str,
    pub step: &'static str,
    pub reset: &'static str,
    pub status_updates: &'static str,
    pub status_loss: &'static str,
    pub status_accuracy: &'static str,
    pub status_speed: &'static str,
    pub task_label: &'static str,
    pub task_names: &'static [&'static str],
    pub task_notes: &'static [&'static str],
    pub distance_label: &'static str,
    pub hidden_label: &'static str,
    pub rate_label: &'static str,
    pub text_label: &'static str,
    pub sequence_label: &'static str,
    pub sequence_hints: &'static [&'static str],
    pub new_example: &'static str,
    pub diagram_title: &'static str,
    pub diagram_label: &'static str,
    pub diagram_hint: &'static str,
    pub heat_title: &'static str,
    pub heat_hint: &'static str,
    pub band_label: &'static str,
    pub legend_gate: &'static str,
    pub legend_signed: &'static str,
    pub time_label: &'static str,
    pub play_time: &'static str,
    pub pause_time: &'static str,
    pub prev_step: &'static str,
    pub next_step: &'static str,
    pub now_step: &'static str,
    pub predicts: &'static str,
    pub predicts_value: &'static str,
    pub target_is: &'static str,
    pub no_target: &'static str,
    pub q_input: &'static str,
    pub q_forget: &'static str,
    pub q_input_gate: &'static str,
    pub q_candidate: &'static str,
    pub q_cell: &'static str,
    pub q_output_gate: &'static str,
    pub q_update: &'static str,
    pub q_reset: &'static str,
    pub q_hidden: &'static str,
    pub q_probabilities: &'static str,
    pub q_output: &'static str,
    pub equations_title: &'static str,
    pub equations_hint: &'static str,
    pub unit_label: &'static str,
    pub show_products: &'static str,
    pub zeros_left_out: &'static str,
    pub loss_title: &'static str,
    pub loss_axis_x: &'static str,
    pub loss_axis_y: &'static str,
    pub lines_title: &'static str,
    pub lines_title_no_cell: &'static str,
    pub lines_units: &'static str,
    pub lines_axis_x: &'static str,
    pub line_cell: &'static str,
    pub line_hidden: &'static str,
    pub compare_title: &'static str,
    pub compare_intro: &'static str,
    pub compare_run: &'static str,
    pub compare_stop: &'static str,
    pub compare_progress: &'static str,
    pub compare_distance: &'static str,
    pub compare_cell: &'static str,
    pub compare_done: &'static str,
    pub input_too_short: &'static str,
    pub input_too_long: &'static str,
    pub input_unknown: &'static str,
    pub input_first: &'static str,
    pub input_depth: &'static str,
    pub input_number: &'static str,
    pub text_too_short: &'static str,
    pub text_single: &'static str,
    pub bad_rate: &'static str,
    pub reached: &'static str,
    pub dismiss: &'static str,
}

/// English.
pub const EN: LstmTexts = LstmTexts {
    intro: "The same input runs through a plain RNN, the LSTM, its peephole and coupled forms and the GRU. Pick a time step and a unit: the diagram, the heatmaps and the equations show the same numbers. Train each cell and see which one remembers.",
    variants_label: "Cell type",
    variant_names: &["RNN", "LSTM", "Peephole LSTM", "Coupled LSTM", "GRU"],
    variant_notes: &[
        "s_t = tanh(W·s_{t−1} + U·x_t + b): no gates, the past fades step by step.",
        "Forget, input and output gates guard the cell state C_t; by default it remembers.",
        "The gates also look at the cell state: W·[C, h_{t−1}, x_t].",
        "One gate less: new information only replaces what was forgotten, i_t = 1 − f_t.",
        "Update and reset gates, no separate cell state: h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t.",
    ],
    badge_untrained: "untrained",
    badge_updates: "updates: {}",
    badge_reached: "✓ target in {} updates",
    train: "Train",
    pause: "Pause",
    step: "One update",
    reset: "Reset",
    status_updates: "Updates",
    status_loss: "Loss",
    status_accuracy: "Accuracy",
    status_speed: "Per update",
    task_label: "Task",
    task_names: &[
        "Remember the first symbol",
        "Bracket depth",
        "Noisy sine",
        "Type a text",
    ],
    task_notes: &[
        "The first step shows A, B, C or D; then come distractors E–L. At the last step the cell must name the first symbol: a long-term dependency. Guessing gives 25%.",
        "A string of brackets; at every step the cell names the current nesting depth (0–4): it has to count.",
        "x_t = sin(ωt + φ) + noise; at every step the cell predicts the next value.",
        "Windows of your text, one character per step; at every step the cell predicts the next character.",
    ],
    distance_label: "Distance T",
    hidden_label: "Hidden units H",
    rate_label: "Learning rate",
    text_label: "Training text",
    sequence_label: "Input sequence (edit it; every cell reads the same one)",
    sequence_hints: &[
        "Letters A–L; the first must be A–D.",
        "Only ( and ); depth between 0 and 4.",
        "Numbers separated by commas, between −10 and 10.",
        "Characters that occur in the training text.",
    ],
    new_example: "New example",
    diagram_title: "The cell",
    diagram_label: "Diagram of the {} cell with the numbers of unit {} at step t = {}",
    diagram_hint: "Boxes are layers (σ or tanh) with their value; a σ box is filled as far as the gate is open. Circles are pointwise operations. Numbers belong to the unit and step selected in the heatmaps.",
    heat_title: "Gates and states over time",
    heat_hint: "One band per quantity: rows are units, columns are time steps. Click a cell to select that unit and step and write out its equations.",
    band_label: "Heatmap of the {}, units by time",
    legend_gate: "gates and probabilities: 0 white → 1 blue",
    legend_signed: "states: negative purple, 0 white, positive green",
    time_label: "Time step t",
    play_time: "▶ Play",
    pause_time: "❚❚ Stop",
    prev_step: "Previous time step",
    next_step: "Next time step",
    now_step: "t = {} of {}",
    predicts: "predicts {} ({}%)",
    predicts_value: "predicts {}",
    target_is: "target {}",
    no_target: "no target at this step",
    q_input: "input",
    q_forget: "forget gate",
    q_input_gate: "input gate",
    q_candidate: "candidate",
    q_cell: "cell state",
    q_output_gate: "output gate",
    q_update: "update gate",
    q_reset: "reset gate",
    q_hidden: "hidden state",
    q_probabilities: "predicted probabilities",
    q_output: "output",
    equations_title: "Equations of unit {} at t = {}",
    equations_hint: "Every number comes from the same forward pass as the heatmaps. Open a line's products to see W·[h_{t−1}, x_t] term by term.",
    unit_label: "Unit",
    show_products: "Show the products",
    zeros_left_out: "({} terms with input 0 left out)",
    loss_title: "Loss during training",
    loss_axis_x: "update",
    loss_axis_y: "loss",
    lines_title: "C_t (solid) and h_t (dashed) of the chosen units",
    lines_title_no_cell: "h_t of the chosen units",
    lines_units: "Units",
    lines_axis_x: "time step t",
    line_cell: "C, unit {}",
    line_hidden: "h, unit {}",
    compare_title: "Which cell bridges a long distance?",
    compare_intro: "Each cell — RNN, LSTM, peephole, coupled LSTM and GRU — learns “remember the first symbol” at several distances ({} units, the same seed and learning rate, at most {} updates), then answers 100 fresh sequences. Guessing gives 25%. The plain RNN fails first.",
    compare_run: "Run the comparison",
    compare_stop: "Stop",
    compare_progress: "{}% done",
    compare_distance: "Distance",
    compare_cell: "{}% right after {} updates",
    compare_done: "Done. Chance is 25%: a cell near it has not learned to remember.",
    input_too_short: "Type at least two steps.",
    input_too_long: "At most 200 steps, please.",
    input_unknown: "“{}” at position {} is not a symbol of this task; the previous sequence stays.",
    input_first: "The first symbol must be one to remember ({}), not “{}”; the previous sequence stays.",
    input_depth: "Step {} closes a bracket below depth 0 or opens one above depth {}; the previous sequence stays.",
    input_number: "“{}” is not a number between −10 and 10; the previous sequence stays.",
    text_too_short: "Type at least two characters so there is a next one to predict.",
    text_single: "Use at least two different characters.",
    bad_rate: "“{}” is not a learning rate: type a number greater than 0 and at most 1, e.g. 0.01.",
    reached: "{} reached the target after {} updates ({} s of training).",
    dismiss: "Dismiss",
};

/// 中文.
pub const ZH: LstmTexts = LstmTexts {
    intro: "同一个输入序列分别经过普通 RNN、LSTM、窥视孔 LSTM、耦合 LSTM 和 GRU。选一个时间步和一个单元：结构图、热力图和方程显示的是同一组数字。训练每一种单元，看看谁能记住。",
    variants_label: "单元类型",
    variant_names: &["RNN", "LSTM", "窥视孔 LSTM", "耦合 LSTM", "GRU"],
    variant_notes: &[
        "s_t = tanh(W·s_{t−1} + U·x_t + b)：没有门，过去的信息一步步衰减。",
        "遗忘门、输入门和输出门守护细胞状态 C_t；默认行为是记住。",
        "门还会看细胞状态：W·[C, h_{t−1}, x_t]。",
        "少一个门：新信息只替换被遗忘的部分，i_t = 1 − f_t。",
        "更新门和重置门，没有单独的细胞状态：h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t。",
    ],
    badge_untrained: "未训练",
    badge_updates: "已更新 {} 次",
    badge_reached: "✓ {} 次更新达到目标",
    train: "训练",
    pause: "暂停",
    step: "更新一次",
    reset: "重置",
    status_updates: "更新次数",
    status_loss: "损失",
    status_accuracy: "准确率",
    status_speed: "每次更新",
    task_label: "任务",
    task_names: &["记住第一个符号", "括号深度", "带噪声的正弦", "输入一段文本"],
    task_notes: &[
        "第一步显示 A、B、C 或 D，之后是干扰符号 E–L。最后一步单元必须说出第一个符号：这就是长期依赖。瞎猜的准确率是 25%。",
        "一串括号；每一步单元都要说出当前的嵌套深度（0–4）：它必须会计数。",
        "x_t = sin(ωt + φ) + 噪声；每一步单元都要预测下一个值。",
        "你的文本按窗口切开，每步一个字符；每一步单元都要预测下一个字符。",
    ],
    distance_label: "距离 T",
    hidden_label: "隐藏层单元数 H",
    rate_label: "学习率",
    text_label: "训练文本",
    sequence_label: "输入序列（可编辑；所有单元读的是同一个）",
    sequence_hints: &[
        "字母 A–L；第一个必须是 A–D。",
        "只能用 ( 和 )；深度在 0 到 4 之间。",
        "用逗号分隔的数，在 −10 到 10 之间。",
        "训练文本中出现过的字符。",
    ],
    new_example: "换一个例子",
    diagram_title: "单元结构图",
    diagram_label: "{} 单元的结构图，显示第 {} 个单元在 t = {} 时的数值",
    diagram_hint: "方框是网络层（σ 或 tanh）及其数值；σ 方框填充的深浅表示门打开的程度。圆圈是逐点运算。数字属于在热力图中选中的单元和时间步。",
    heat_title: "门和状态随时间变化",
    heat_hint: "每个量一条带：行是单元，列是时间步。点击一个格子即可选中该单元和时间步，并写出它的方程。",
    band_label: "{} 的热力图：单元 × 时间",
    legend_gate: "门和概率：0 白 → 1 蓝",
    legend_signed: "状态：负为紫，0 为白，正为绿",
    time_label: "时间步 t",
    play_time: "▶ 播放",
    pause_time: "❚❚ 停止",
    prev_step: "上一个时间步",
    next_step: "下一个时间步",
    now_step: "t = {} / {}",
    predicts: "预测 {}（{}%）",
    predicts_value: "预测 {}",
    target_is: "目标 {}",
    no_target: "这一步没有目标",
    q_input: "输入",
    q_forget: "遗忘门",
    q_input_gate: "输入门",
    q_candidate: "候选值",
    q_cell: "细胞状态",
    q_output_gate: "输出门",
    q_update: "更新门",
    q_reset: "重置门",
    q_hidden: "隐藏状态",
    q_probabilities: "预测概率",
    q_output: "输出",
    equations_title: "第 {} 个单元在 t = {} 时的方程",
    equations_hint: "每个数字都来自与热力图相同的前向传播。展开一行的乘积，可以逐项看到 W·[h_{t−1}, x_t]。",
    unit_label: "单元",
    show_products: "展开乘积",
    zeros_left_out: "（省略了 {} 个输入为 0 的项）",
    loss_title: "训练过程中的损失函数值",
    loss_axis_x: "更新次数",
    loss_axis_y: "损失",
    lines_title: "所选单元的 C_t（实线）和 h_t（虚线）",
    lines_title_no_cell: "所选单元的 h_t",
    lines_units: "单元",
    lines_axis_x: "时间步 t",
    line_cell: "C，单元 {}",
    line_hidden: "h，单元 {}",
    compare_title: "哪种单元能跨越长距离？",
    compare_intro: "RNN、LSTM、窥视孔 LSTM、耦合 LSTM 和 GRU 分别在不同距离上学习“记住第一个符号”（{} 个单元，相同的随机种子和学习率，最多 {} 次更新），然后回答 100 个新序列。瞎猜的准确率是 25%。普通 RNN 最先失败。",
    compare_run: "开始比较",
    compare_stop: "停止",
    compare_progress: "已完成 {}%",
    compare_distance: "距离",
    compare_cell: "{1} 次更新后正确率 {0}%",
    compare_done: "完成。瞎猜是 25%：接近这个数的单元没有学会记忆。",
    input_too_short: "至少输入两个时间步。",
    input_too_long: "最多 200 个时间步。",
    input_unknown: "第 {1} 个位置的“{0}”不是这个任务的符号；保留原来的序列。",
    input_first: "第一个符号必须是要记住的符号（{}），而不是“{}”；保留原来的序列。",
    input_depth: "第 {} 步的括号使深度低于 0 或超过 {}；保留原来的序列。",
    input_number: "“{}”不是 −10 到 10 之间的数；保留原来的序列。",
    text_too_short: "至少输入两个字符，才有下一个字符可以预测。",
    text_single: "至少使用两个不同的字符。",
    bad_rate: "“{}”不是有效的学习率：请输入大于 0、不超过 1 的数，例如 0.01。",
    reached: "{} 经过 {} 次更新达到目标（训练用时 {} 秒）。",
    dismiss: "关闭",
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
    fn fill_replaces_in_order_and_by_position() {
        assert_eq!(fill("{} of {}", &["3", "20"]), "3 of 20");
        assert_eq!(
            fill("第 {1} 个位置的“{0}”", &["x", "4"]),
            "第 4 个位置的“x”"
        );
    }

    #[test]
    fn lists_have_one_entry_per_choice_in_both_languages() {
        for texts in [&EN, &ZH] {
            assert_eq!(texts.variant_names.len(), 5);
            assert_eq!(texts.variant_notes.len(), 5);
            assert_eq!(texts.task_names.len(), 4);
            assert_eq!(texts.task_notes.len(), 4);
            assert_eq!(texts.sequence_hints.len(), 4);
        }
    }
}
