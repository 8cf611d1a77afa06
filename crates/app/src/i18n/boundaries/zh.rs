//! The Boundaries screen in Simplified Chinese, the lecture's language.

use nnp_core::features::FormulaProblem;

use super::BoundariesTexts;

/// What is wrong with a points file, in Chinese.
pub(super) fn csv_error(error: &nnp_core::dataset::csv::CsvError) -> String {
    use nnp_core::dataset::csv::CsvProblem::*;
    let what = match &error.problem {
        NotANumber(text) => format!("“{text}”不是数字"),
        WrongCount { found } => format!("应有 3 个值（x1、x2、标签），实际有 {found} 个"),
        BadLabel(text) => format!("标签“{text}”不是 +1、−1、1 或 0"),
        OutsidePlane(v) => format!("{v} 超出平面范围（−6 到 6）"),
        TooMany { limit } => format!("点数超过 {limit} 个"),
        NoPoints => "文件中没有点".to_string(),
    };
    let place = match (error.line, error.column) {
        (0, _) => String::new(),
        (line, Some(column)) => format!("第 {line} 行第 {column} 列："),
        (line, None) => format!("第 {line} 行："),
    };
    format!("文件中的点无法使用——{place}{what}。点保持不变。")
}

/// What is wrong with a typed formula, in Chinese.
pub(super) fn formula_problem(problem: &FormulaProblem) -> String {
    use FormulaProblem::*;
    match problem {
        Empty => "公式是空的".into(),
        TooLong { length } => format!(
            "公式有 {length} 个字符，最多允许 {} 个",
            nnp_core::features::MAX_FORMULA_CHARS
        ),
        TooLongToEvaluate => "公式太长，无法计算".into(),
        UnmatchedClose => "这个“)”没有对应的“(”".into(),
        UnclosedOpen => "这个“(”没有闭合".into(),
        BadNumber(literal) => format!("无法读取数字“{literal}”"),
        BadCharacter(c) => format!("这里不能出现“{c}”"),
        StrayComma => "“,”只用来分隔函数的参数，例如 max(x1, x2)".into(),
        CannotReadHere => "这里无法读取".into(),
        SideBySide => "两个值挨在一起：请在它们之间写运算符，例如 2*x1".into(),
        NestedTooDeeply => "公式嵌套太深".into(),
        EndsWithOperator => "公式以运算符结尾".into(),
        EmptyParentheses => "括号里是空的".into(),
        OperatorAfterOperator { op, before } => format!("“{op}”不能紧跟在运算符“{before}”后面"),
        OperatorNeedsLeft(op) => format!("“{op}”左边需要一个值"),
        CannotStartWith(op) => format!("公式不能以“{op}”开头"),
        MissingBeforeClose => "“)”前面缺少一个值".into(),
        MissingBeforeComma => "“,”前面缺少一个值".into(),
        PowerNeedsValue => "乘方需要一个底数".into(),
        ExpectedClose => "这里应该是“)”".into(),
        MissingClose => "缺少一个“)”".into(),
        NeedsParentheses(name) => format!("“{name}”需要括号：{name}(x1)"),
        UnknownVariable(name) => format!("未知变量“{name}”：请用 x1 和 x2"),
        NotAFunction(name) => format!("“{name}”不是函数：相乘请写 {name}*(…)"),
        UnknownFunction(name) => format!("未知函数“{name}”"),
        WrongArity {
            name,
            wanted,
            given,
        } => format!("“{name}”需要 {wanted} 个参数，而不是 {given} 个"),
    }
}

/// Simplified Chinese.
pub static ZH: BoundariesTexts = BoundariesTexts {
    intro: "选择或画出两类点，选定特征提取函数 φ(x) 和网络，然后按“运行”：背景显示平面上每一点的得分\
        （蓝色：+1，橙色：−1，越淡越不确定），每张小图显示一个特征或一个隐藏层单元。",
    data_heading: "数据",
    dataset: "数据集",
    dataset_names: ["圆形", "异或", "两个高斯分布", "螺旋", "两辆车（课程示例）"],
    noise: "噪声",
    train_ratio: "训练集比例",
    regenerate: "重新生成",
    show_test: "显示测试点",
    discretize: "离散输出（只显示类别，不显示深浅）",
    too_many_points: "平面上最多 {max} 个点：请先擦除一些或清空，再继续画。",
    frame_time: "上一帧：{total} 毫秒（训练一轮 {training} 毫秒，绘制 {drawing} 毫秒）；每秒 60 帧需要低于 16 毫秒。",
    point_counts: "{train} 个训练点 · {test} 个测试点",
    paint_heading: "画点",
    paint_hint: "先选 +1、−1 或橡皮擦，再在平面上点击或拖动（或按 Tab 到平面上，用方向键和 Enter）。选“查看”时平面只显示数值，手指滑动会滚动页面。按键：0 = 查看，1 = +1，2 = −1，E = 橡皮擦；Ctrl+Z 撤销，Ctrl+Shift+Z 重做。",
    tool_look: "查看",
    undo: "撤销",
    undo_hint: "撤销上一笔、清除或输入的权重（Ctrl+Z）",
    redo: "重做",
    redo_hint: "重做刚撤销的操作（Ctrl+Shift+Z）",
    tool_positive: "+1",
    tool_negative: "−1",
    tool_eraser: "橡皮擦",
    clear_points: "全部清除",
    features_heading: "特征 φ(x)",
    features_hint: "网络看到的是 φ(x) 而不是 x：勾选特征，或取次数不超过 k 的全部单项式。",
    degree: "全部单项式，最高次数",
    degree_off: "关",
    formula: "自定义特征",
    formula_placeholder: "例如 sin(x1) * x2",
    formula_add: "添加",
    formula_error: "未添加",
    formula_remove: "删除特征",
    network_heading: "网络",
    network_hint: "隐藏层就是特征提取函数：每张小图是一个单元在平面上的取值。连线：蓝色为正，橙色为负，越粗 |w| 越大。",
    linear_mode: "线性模型 score = W·φ(x)",
    linear_hint: "没有隐藏层：得分是 W·φ(x)，φ 中的常数 1 起偏置的作用。",
    add_layer: "+ 层",
    remove_layer: "− 层",
    hidden_layers: "{n} 个隐藏层",
    more_units: "第 {n} 层增加一个单元",
    fewer_units: "第 {n} 层减少一个单元",
    units: "{n} 个单元",
    activation: "第 {n} 层的激活函数",
    inputs_column: "φ(x)",
    layer_column: "第 {n} 层",
    output_column: "输出（{act}）",
    link_title: "{from} → {to}：w = {w}",
    link_hint: "把指针移到连线上可读出权重；点击连线可修改它。用键盘：按 Tab 到网络图，方向键选择连线，Enter 修改权重。",
    links_label: "网络的权重：↑ ↓ 上一条或下一条连线，← → 上一层或下一层，Enter 修改权重",
    weight_edit: "{from} → {to}：w =",
    weight_set: "设定",
    weight_invalid: "请输入一个数，例如 −1.5；权重保持不变。",
    close: "关闭",
    unit_name: "第 {layer} 层第 {unit} 个单元",
    output_name: "输出",
    train_heading: "训练",
    play: "运行",
    pause: "暂停",
    step: "单步",
    reset: "重置",
    epoch: "轮次",
    learning_rate: "学习率",
    batch_size: "批大小",
    regularization: "正则化",
    regularization_names: ["无", "L1", "L2"],
    regularization_rate: "系数 λ",
    loss: "损失函数",
    loss_names: ["平方损失", "合页损失", "逻辑损失"],
    bad_number: "请输入 0 到 10 之间的数字，例如 0.03；原来的值保持不变。",
    train_loss: "训练损失",
    test_loss: "测试损失",
    train_accuracy: "训练准确率",
    test_accuracy: "测试准确率",
    chart_description: "每轮的训练损失和测试损失。",
    accuracy_chart_description: "每轮的训练准确率和测试准确率（%）。",
    formula_problem: super::ProblemWords::Chinese,
    csv_words: super::ProblemWords::Chinese,
    csv_export: "导出点（CSV）",
    csv_import: "导入点（CSV）…",
    csv_hint: "每行一个点，标签为 +1/−1 或 1/0，可以有标题行：",
    csv_imported: "已从文件导入 {n} 个点作为训练点（撤销可恢复原来的点）。",
    csv_unreadable: "无法把这个文件读成文本（或大于 4 MB）；点保持不变。",
    margin_heading: "损失与间隔",
    margin_description: "平方损失、合页损失和逻辑损失随间隔 m = y·h(x) 的变化，所选损失的斜率，以及训练点在所选损失上的间隔。",
    margin_squared: "平方 (1 − m)²",
    margin_hinge: "合页 max{1 − m, 0}",
    margin_logistic: "逻辑 log(1 + e^(−m))",
    margin_slope: "所选损失的斜率 ∂loss/∂m",
    margin_points_positive: "类别 +1 的训练点",
    margin_points_negative: "类别 −1 的训练点",
    margin_loss_symbol: "损失",
    margin_hint: "间隔大于 0 的点在边界中属于自己类别的一侧。实线是所选的损失。训练把点往右推；合页损失在 m = 1 处停止推动，平方损失会把 m > 1 的点拉回来。",
    plane_description: "两个坐标轴都从 −6 到 6 的平面，按网络得分着色，上面画着数据点。",
    plane_keys: "用键盘：方向键移动光标（按住 Shift 步子更大），Enter 或空格用所选工具在光标处作画（1、2、E 选择工具）。",
    diverged: "训练在第 {epoch} 轮发散：学习率为 {rate} 时损失变成了 NaN 或 ∞，步子迈得太大了。\
        训练已暂停，并恢复了最后一组正常的权重——请试试更小的学习率。",
    sign_cannot_train: "sign 无法训练：它的导数在有定义的地方都是 0，梯度下降得不到任何信号。\
        训练请选 σ、tanh 或 ReLU；sign 可以用来计算手工设定的权重。",
    no_points: "没有训练点。请画一些点或选择一个数据集。",
    empty_phi: "φ(x) 至少需要一个特征；这个特征保留。",
    one_added: "线性模型 W·φ(x) 没有单独的偏置，所以在 φ 中加入了常数 1。",
    dismiss: "关闭",
    hyp_title: "§1 一维中的假设类",
    hyp_intro: "假设类 H_φ = { x ↦ W·φ(x) } 是共用同一个 φ 的所有模型；对给定数据，用最小二乘找出其中最好的一个。φ 越长，类越大：H1 ⊂ H2，所以 H2 中最好的模型在数据上从不比 H1 的差。",
    hyp_parabola: "x → y：φ(x) = [x] 或 [x, x²]",
    hyp_parabola_note: "过原点的直线无法弯曲；把 x² 加进 φ，最好的模型就能沿着曲线走。",
    hyp_new_data: "换一组数据",
    hyp_temperature: "由体温 T 判断健康",
    hyp_temperature_note: "[1, T] 只能表达“越热越好”（或越差）。[1, (T − 37)²] 直接写入了医生的知识。[1, T, T²] 是通用做法，从数据中学到它：它的抛物线在 T = {peak} °C 处最高。",
    hyp_data: "数据",
    hyp_class: "假设类",
    hyp_weights: "最优 W",
    hyp_error: "均方误差",
    link_partly_read: "链接中有一部分无法按原样使用（{keys}）：这些设置保持不变或被调整到允许范围内；其余设置已恢复。",
    saved_partly_read: "浏览器记住的状态有一部分无法使用（{keys}）；其余已恢复，旧的副本已另存。",
    link_without_points: "点太多，链接放不下：链接只保存设置（你的点仍保留在这里）。",
    link_without_weights: "你手动设置的权重放不进链接：链接改为重放训练过程（你的权重仍保留在这里）。",
    replaying: "正在重放分享的训练过程：第 {epoch} / {target} 轮……",
    replay_time_left: "大约还需 {}，按“暂停”可停止。",
    duration_units: ["秒", "分钟", "小时"],
    epoch_part: "+ 下一轮的 {}",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    probe_heading: "指针处",
    probe_hint: "把指针移到平面上，可以看到该点的 φ(x)、每个单元的值和得分。",
    probe_point: "x = (x1, x2)",
    probe_score: "得分 s",
    probe_class: "类别",
    probe_layer: "第 {n} 层",
};

#[cfg(test)]
mod tests {
    use nnp_core::features::Formula;

    use super::super::ProblemWords;

    /// A typed formula's problem reads in Chinese, naming what the English names.
    #[test]
    fn formula_problems_are_worded_in_chinese() {
        for (typed, english, chinese) in [
            (
                "x1 +* 2",
                "'*' cannot follow the operator '+'",
                "“*”不能紧跟在运算符“+”后面",
            ),
            ("sin(x1", "this '(' is never closed", "这个“(”没有闭合"),
            ("foo(x1)", "unknown function 'foo'", "未知函数“foo”"),
            (
                "max(x1)",
                "'max' takes two arguments, not 1",
                "“max”需要 2 个参数，而不是 1 个",
            ),
        ] {
            let Err(error) = Formula::parse(typed) else {
                panic!("{typed} should not parse");
            };
            assert_eq!(ProblemWords::English.say(&error.problem), english);
            assert_eq!(error.message, english);
            assert_eq!(ProblemWords::Chinese.say(&error.problem), chinese);
        }
    }
}
