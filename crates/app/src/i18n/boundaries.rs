//! Strings of the Boundaries screen, one table per language. `{name}` marks a value the
//! screen puts in.

/// Every string the Boundaries screen shows.
#[derive(Debug, PartialEq)]
pub struct BoundariesTexts {
    /// One paragraph under the title.
    pub intro: &'static str,
    /// Heading of the data panel.
    pub data_heading: &'static str,
    /// Label of the data-set menu.
    pub dataset: &'static str,
    /// Names of the data sets: circle, XOR, two Gaussians, spiral, the two cars.
    pub dataset_names: [&'static str; 5],
    /// Label of the noise slider.
    pub noise: &'static str,
    /// Label of the train-ratio slider.
    pub train_ratio: &'static str,
    /// Button: new points of the same kind.
    pub regenerate: &'static str,
    /// Checkbox: draw the test points.
    pub show_test: &'static str,
    pub discretize: &'static str,
    pub frame_time: &'static str,
    pub too_many_points: &'static str,
    /// Count of points: `{train}` training, `{test}` test.
    pub point_counts: &'static str,
    /// Heading of the painting tools.
    pub paint_heading: &'static str,
    /// How to paint.
    pub paint_hint: &'static str,
    /// Tool: add +1 points.
    pub tool_positive: &'static str,
    /// Tool: add −1 points.
    pub tool_negative: &'static str,
    /// Tool: eraser.
    pub tool_eraser: &'static str,
    /// Button: remove every point.
    pub clear_points: &'static str,
    /// Heading of the φ panel.
    pub features_heading: &'static str,
    /// What φ is.
    pub features_hint: &'static str,
    /// Label of the degree slider.
    pub degree: &'static str,
    /// Degree slider at 0.
    pub degree_off: &'static str,
    /// Label of the formula field.
    pub formula: &'static str,
    /// Placeholder of the formula field.
    pub formula_placeholder: &'static str,
    /// Button: add the formula to φ.
    pub formula_add: &'static str,
    /// Before the parser's message.
    pub formula_error: &'static str,
    /// Accessible name of the button removing a formula.
    pub formula_remove: &'static str,
    /// Heading of the network panel.
    pub network_heading: &'static str,
    /// The lecture's idea the pictures show.
    pub network_hint: &'static str,
    /// Checkbox: the linear model.
    pub linear_mode: &'static str,
    /// What the linear model is.
    pub linear_hint: &'static str,
    /// Button: add a hidden layer.
    pub add_layer: &'static str,
    /// Button: remove the last hidden layer.
    pub remove_layer: &'static str,
    /// `{n}` hidden layers.
    pub hidden_layers: &'static str,
    /// Accessible name: one more unit in layer `{n}`.
    pub more_units: &'static str,
    /// Accessible name: one fewer unit in layer `{n}`.
    pub fewer_units: &'static str,
    /// `{n}` units.
    pub units: &'static str,
    /// Accessible name of a layer's activation menu (`{n}` is the layer).
    pub activation: &'static str,
    /// Column title of the inputs.
    pub inputs_column: &'static str,
    /// Column title of hidden layer `{n}`.
    pub layer_column: &'static str,
    /// Column title of the output (`{act}` is its activation).
    pub output_column: &'static str,
    /// Hover text of a link: from `{from}` to `{to}`, weight `{w}`.
    pub link_title: &'static str,
    /// Shown before any link is hovered.
    pub link_hint: &'static str,
    /// The diagram's name for screen readers and its keys.
    pub links_label: &'static str,
    pub weight_edit: &'static str,
    pub weight_set: &'static str,
    pub weight_invalid: &'static str,
    pub close: &'static str,
    /// Name of unit `{unit}` of hidden layer `{layer}`.
    pub unit_name: &'static str,
    /// Name of the output unit.
    pub output_name: &'static str,
    /// Heading of the training bar.
    pub train_heading: &'static str,
    /// Button.
    pub play: &'static str,
    /// Button.
    pub pause: &'static str,
    /// Button: one epoch.
    pub step: &'static str,
    /// Button: new random weights.
    pub reset: &'static str,
    /// Label of the epoch counter.
    pub epoch: &'static str,
    /// Label of the learning-rate field.
    pub learning_rate: &'static str,
    /// Label of the batch-size slider.
    pub batch_size: &'static str,
    /// Label of the regularisation menu.
    pub regularization: &'static str,
    /// Regularisation choices: none, L1, L2.
    pub regularization_names: [&'static str; 3],
    /// Label of the regularisation-rate field.
    pub regularization_rate: &'static str,
    /// Label of the loss menu.
    pub loss: &'static str,
    /// Loss names: squared, hinge, logistic.
    pub loss_names: [&'static str; 3],
    /// A number field holds something else.
    pub bad_number: &'static str,
    /// Metric label.
    pub train_loss: &'static str,
    /// Metric label.
    pub test_loss: &'static str,
    /// Metric label.
    pub train_accuracy: &'static str,
    /// Metric label.
    pub test_accuracy: &'static str,
    /// Accessible description of the loss chart.
    pub chart_description: &'static str,
    /// Accessible description of the plane.
    pub plane_description: &'static str,
    /// How to paint with the keyboard (read with the plane's description).
    pub plane_keys: &'static str,
    /// Training diverged at epoch `{epoch}` with learning rate `{rate}`.
    pub diverged: &'static str,
    /// Why sign cannot be trained.
    pub sign_cannot_train: &'static str,
    /// Nothing to train on.
    pub no_points: &'static str,
    /// φ cannot be empty.
    pub empty_phi: &'static str,
    /// The constant 1 was added to φ for the linear model.
    pub one_added: &'static str,
    /// Button closing a notice.
    pub dismiss: &'static str,
    pub link_partly_read: &'static str,
    pub saved_partly_read: &'static str,
    pub hyp_title: &'static str,
    pub hyp_intro: &'static str,
    pub hyp_parabola: &'static str,
    pub hyp_parabola_note: &'static str,
    pub hyp_new_data: &'static str,
    pub hyp_temperature: &'static str,
    pub hyp_temperature_note: &'static str,
    pub hyp_data: &'static str,
    pub hyp_class: &'static str,
    pub hyp_weights: &'static str,
    pub hyp_error: &'static str,
    pub link_without_points: &'static str,
    pub replaying: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// Heading of the probe panel.
    pub probe_heading: &'static str,
    /// Shown while the pointer is not over the plane.
    pub probe_hint: &'static str,
    /// Row label: the point.
    pub probe_point: &'static str,
    /// Row label: the score.
    pub probe_score: &'static str,
    /// Row label: the predicted class.
    pub probe_class: &'static str,
    /// Row label of hidden layer `{n}`.
    pub probe_layer: &'static str,
}

/// English.
pub static EN: BoundariesTexts = BoundariesTexts {
    intro: "Pick or paint two classes of points, choose the feature map φ(x) and a network, and \
        press play: the background shows the score over the plane (blue: +1, orange: −1, paler: \
        less sure), and every small picture shows one feature or hidden unit.",
    data_heading: "Data",
    dataset: "Data set",
    dataset_names: [
        "Circle",
        "Exclusive or",
        "Two Gaussians",
        "Spiral",
        "Two cars (lecture)",
    ],
    noise: "Noise",
    train_ratio: "Training share",
    regenerate: "New points",
    show_test: "Show test points",
    discretize: "Discrete output (class only, no shading)",
    too_many_points: "The plane holds at most {max} points: erase some or clear before painting more.",
    frame_time: "Last frame: {total} ms ({training} ms training an epoch, {drawing} ms drawing); 60 frames per second need under 16 ms.",
    point_counts: "{train} training · {test} test points",
    paint_heading: "Paint",
    paint_hint: "Click or drag on the plane (or Tab to it: arrow keys and Enter). Keys: 1 = +1, 2 = −1, E = eraser.",
    tool_positive: "+1",
    tool_negative: "−1",
    tool_eraser: "Eraser",
    clear_points: "Clear all",
    features_heading: "Features φ(x)",
    features_hint: "The network sees φ(x), not x: tick features, or take all monomials up to a degree.",
    degree: "All monomials up to degree",
    degree_off: "off",
    formula: "Your own feature",
    formula_placeholder: "e.g. sin(x1) * x2",
    formula_add: "Add",
    formula_error: "Not added",
    formula_remove: "Remove feature",
    network_heading: "Network",
    network_hint: "A hidden layer is a feature extraction function: each picture is one unit's \
        value over the plane. Links: blue positive, orange negative, thicker = larger |w|.",
    linear_mode: "Linear model score = W·φ(x)",
    linear_hint: "No hidden layer: the score is W·φ(x), and the constant 1 in φ plays the bias.",
    add_layer: "+ layer",
    remove_layer: "− layer",
    hidden_layers: "{n} hidden layers",
    more_units: "One more unit in layer {n}",
    fewer_units: "One fewer unit in layer {n}",
    units: "{n} units",
    activation: "Activation of layer {n}",
    inputs_column: "φ(x)",
    layer_column: "Layer {n}",
    output_column: "Output ({act})",
    link_title: "{from} → {to}: w = {w}",
    link_hint: "Point at a link to read its weight; click it to change it. With the keyboard: Tab to the diagram, arrow keys choose a link, Enter edits it.",
    links_label: "Weights of the network: ↑ ↓ next or previous link, ← → previous or next layer, Enter edits the weight",
    weight_edit: "{from} → {to}: w =",
    weight_set: "Set",
    weight_invalid: "Type a number, e.g. −1.5; the weight stays as it was.",
    close: "Close",
    unit_name: "unit {unit} of layer {layer}",
    output_name: "output",
    train_heading: "Training",
    play: "Play",
    pause: "Pause",
    step: "Step",
    reset: "Reset",
    epoch: "Epoch",
    learning_rate: "Learning rate",
    batch_size: "Batch size",
    regularization: "Regularisation",
    regularization_names: ["none", "L1", "L2"],
    regularization_rate: "Rate λ",
    loss: "Loss",
    loss_names: ["squared", "hinge", "logistic"],
    bad_number: "Type a number such as 0.03; the previous value is kept.",
    train_loss: "Training loss",
    test_loss: "Test loss",
    train_accuracy: "Training accuracy",
    test_accuracy: "Test accuracy",
    chart_description: "Training and test loss per epoch.",
    plane_description: "The plane from −6 to 6 on both axes, coloured by the network's score, with the points on top.",
    plane_keys: "With the keyboard: arrow keys move a cursor (Shift: bigger steps), Enter or Space paints there with the chosen tool (1, 2, E).",
    diverged: "Training diverged at epoch {epoch}: the loss became NaN or ∞ with learning rate \
        {rate}. The steps were too large. Training is paused and the last good weights are \
        back — try a smaller learning rate.",
    sign_cannot_train: "sign cannot be trained: its derivative is 0 wherever it exists, so \
        gradient descent receives no signal through it. Pick σ, tanh or ReLU to train; sign is \
        fine for evaluating hand-set weights.",
    no_points: "There are no training points. Paint some or pick a data set.",
    empty_phi: "φ(x) needs at least one feature; that one stays.",
    one_added: "The linear model W·φ(x) has no separate bias, so the constant 1 was added to φ.",
    dismiss: "Dismiss",
    hyp_title: "§1 Hypothesis classes, in one dimension",
    hyp_intro: "A hypothesis class H_φ = { x ↦ W·φ(x) } is every model that shares one φ; its best member for the data is found by least squares. A longer φ makes a bigger class: H1 ⊂ H2, so the best of H2 is never worse on the data.",
    hyp_parabola: "x → y: φ(x) = [x] or [x, x²]",
    hyp_parabola_note: "The straight line through the origin cannot bend; adding x² to φ lets the best member follow the curve.",
    hyp_new_data: "New data",
    hyp_temperature: "Health from body temperature T",
    hyp_temperature_note: "[1, T] can only say “the hotter, the better” (or worse). [1, (T − 37)²] builds in what a doctor knows. [1, T, T²] is the general recipe and learns it from the data: its parabola peaks at T = {peak} °C.",
    hyp_data: "data",
    hyp_class: "Class",
    hyp_weights: "Best W",
    hyp_error: "Mean squared error",
    link_partly_read: "Part of this link could not be used ({keys}); everything else was restored.",
    saved_partly_read: "Part of the state this browser remembered could not be used ({keys}); the rest was restored and the old copy set aside.",
    link_without_points: "Too many points for a link: it keeps the settings only (your points stay here).",
    replaying: "Replaying the shared run: epoch {epoch} of {target}…",
    copy_link: "Copy link",
    link_copied: "Link copied",
    probe_heading: "At the pointer",
    probe_hint: "Point at the plane to see φ(x), every unit's value and the score there.",
    probe_point: "x = (x1, x2)",
    probe_score: "score s",
    probe_class: "class",
    probe_layer: "layer {n}",
};

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
    paint_hint: "在平面上点击或拖动（或按 Tab 到平面上，用方向键和 Enter）。按键：1 = +1，2 = −1，E = 橡皮擦。",
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
    bad_number: "请输入数字，例如 0.03；原来的值保持不变。",
    train_loss: "训练损失",
    test_loss: "测试损失",
    train_accuracy: "训练准确率",
    test_accuracy: "测试准确率",
    chart_description: "每轮的训练损失和测试损失。",
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
    link_partly_read: "链接中有一部分无法使用（{keys}）；其余设置已恢复。",
    saved_partly_read: "浏览器记住的状态有一部分无法使用（{keys}）；其余已恢复，旧的副本已另存。",
    link_without_points: "点太多，链接放不下：链接只保存设置（你的点仍保留在这里）。",
    replaying: "正在重放分享的训练过程：第 {epoch} / {target} 轮……",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    probe_heading: "指针处",
    probe_hint: "把指针移到平面上，可以看到该点的 φ(x)、每个单元的值和得分。",
    probe_point: "x = (x1, x2)",
    probe_score: "得分 s",
    probe_class: "类别",
    probe_layer: "第 {n} 层",
};
