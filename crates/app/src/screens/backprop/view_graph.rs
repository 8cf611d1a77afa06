//! The computation graph as SVG: boxes for nodes (op, f, g), lines for edges (local
//! derivative in green once known), the node just computed highlighted.

use std::collections::HashSet;

use nnp_core::graph::{Edge, Graph, NodeKind, Phase};
use yew::prelude::*;

use super::Msg;
use super::format::{num, num_narrow};
use super::layout::{self, NODE_H};
use super::model::Model;
use crate::i18n::backprop::BackpropTexts;
use crate::widgets::SavePicture;

/// The graph, its legend and (on phones) a hint that it scrolls; `note` (what the pass does
/// and its last step) is written in the drawing's empty top-left corner on a wide screen.
pub fn view(model: &Model, t: &'static BackpropTexts, note: Html, on_msg: &Callback<Msg>) -> Html {
    let g = &model.net.graph;
    let (w, h) = layout::size();
    let last = g.last_computed();
    let backward_step = last.is_some_and(|i| g.node(i).grad.is_some());
    let next = match g.phase() {
        Phase::Forward { next } | Phase::Backward { next } => Some(next),
        Phase::Idle => Some(0),
        Phase::Done => None,
    };
    let path: HashSet<(usize, usize)> = model
        .chain()
        .paths
        .iter()
        .flat_map(|p| p.edges.iter().map(|e| (e.parent, e.slot)))
        .collect();
    let edges = g.edges();
    // The leaves' two fans (v1·Φ and v2·Φ share Φ) cross each other: one fan's local
    // derivatives are written at a time — the node just computed, else the chosen path's.
    let fan = last
        .filter(|&i| is_fan(g, i))
        .or_else(|| {
            path.iter()
                .map(|&(parent, _)| parent)
                .find(|&p| is_fan(g, p))
        })
        .or_else(|| (0..g.len()).find(|&i| is_fan(g, i)));
    let active = |e: &Edge| match last {
        Some(i) if backward_step => e.child == i,
        Some(i) => e.parent == i,
        None => false,
    };
    html! {
        <figure class="bp-graph">
            <div class="bp-graph-note">{ note }</div>
            <div class="bp-graph-scroll">
                <svg class="bp-graph-svg" viewBox={format!("0 0 {w} {h}")} role="group"
                     aria-label={t.graph_label}>
                    <g class="bp-edges">
                        { for edges.iter().map(|e| view_edge(g, e, active(e), path.contains(&(e.parent, e.slot)))) }
                    </g>
                    <g class="bp-edge-labels">
                        { for edges.iter().filter(|e| !is_fan(g, e.parent) || Some(e.parent) == fan)
                            .filter_map(|e| view_edge_label(g, e)) }
                    </g>
                    { for (0..g.len()).map(|i| view_node(model, t, i, last == Some(i), next == Some(i), on_msg)) }
                </svg>
            </div>
            <figcaption class="bp-legend">
                <span class="bp-key bp-key-input">{ t.legend_input }</span>
                <span class="bp-key bp-key-param">{ t.legend_parameter }</span>
                <span class="bp-key bp-key-op">{ t.legend_operation }</span>
                <span class="bp-key bp-key-local">{ t.legend_local }</span>
                <span class="bp-key bp-key-current">{ t.legend_current }</span>
                <span class="bp-key-g">{ t.legend_g }</span>
                <span class="bp-scroll-hint">{ t.graph_scroll_hint }</span>
                <SavePicture target=".bp-graph-scroll" name="backprop-graph" />
            </figcaption>
        </figure>
    }
}

/// Where the graph's scroll box should look, as a fraction of the drawing's width: the node
/// just computed, else the loss (the top node), so a phone's narrow view follows the pass.
pub fn focus_fraction(g: &Graph) -> f64 {
    let top =
        (0..g.len()).min_by(|&a, &b| layout::centre(g, a).1.total_cmp(&layout::centre(g, b).1));
    let Some(node) = g.last_computed().or(top) else {
        return 0.5;
    };
    layout::centre(g, node).0 / layout::size().0
}

/// Scrolls the graph's box (when it is narrower than the drawing: a phone) so that the point
/// `fraction` of the drawing's width is in the middle.
pub fn scroll_to(fraction: f64) {
    let Some(scroll) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".bp-graph-scroll").ok().flatten())
    else {
        return;
    };
    let (inner, shown) = (scroll.scroll_width(), scroll.client_width());
    if inner > shown {
        let left = fraction * f64::from(inner) - f64::from(shown) / 2.0;
        scroll.set_scroll_left(left.max(0.0).round() as i32);
    }
}

fn ends(g: &Graph, e: &Edge) -> ((f64, f64), (f64, f64)) {
    let (cx, cy) = layout::centre(g, e.child);
    let (px, py) = layout::centre(g, e.parent);
    ((cx, cy - NODE_H / 2.0), (px, py + NODE_H / 2.0))
}

fn view_edge(g: &Graph, e: &Edge, active: bool, on_path: bool) -> Html {
    let ((x1, y1), (x2, y2)) = ends(g, e);
    let class = classes!(
        "bp-edge",
        e.local.is_some().then_some("bp-known"),
        active.then_some("bp-active"),
        on_path.then_some("bp-path"),
    );
    let title = format!(
        "∂{}/∂{} = {}",
        g.node(e.parent).label,
        g.node(e.child).label,
        e.formula
    );
    html! {
        <line {class} x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()}
              y2={y2.to_string()}>
            <title>{ title }</title>
        </line>
    }
}

/// A node whose many children (a dot product's operands) fan out below it.
fn is_fan(g: &Graph, i: usize) -> bool {
    g.node(i).children().len() > 4
}

fn view_edge_label(g: &Graph, e: &Edge) -> Option<Html> {
    let local = e.local?;
    let ((x1, y1), (x2, y2)) = ends(g, e);
    // The label sits in the gap between the two boxes; in a fan, near the leaf, where the
    // edges are a column apart.
    let share = if is_fan(g, e.parent) { 0.25 } else { 0.5 };
    let (x, y) = (x1 + share * (x2 - x1), y1 + share * (y2 - y1) + 5.5);
    Some(html! {
        <text class="bp-local" x={x.to_string()} y={y.to_string()}
              data-edge={format!("{}>{}", g.node(e.parent).label, g.node(e.child).label)}>
            { num_narrow(local) }
        </text>
    })
}

fn view_node(
    model: &Model,
    t: &'static BackpropTexts,
    i: usize,
    last: bool,
    next: bool,
    on_msg: &Callback<Msg>,
) -> Html {
    let g = &model.net.graph;
    let node = g.node(i);
    let (cx, cy) = layout::centre(g, i);
    let kind = node.kind();
    let param = kind == NodeKind::Parameter;
    let kind_class = match kind {
        NodeKind::Input => "bp-kind-input",
        NodeKind::Parameter => "bp-kind-param",
        NodeKind::Constant => "bp-kind-const",
        NodeKind::Operation => "bp-kind-op",
    };
    let class = classes!(
        "bp-node",
        kind_class,
        last.then_some("bp-current"),
        next.then_some("bp-next"),
        (param && model.selected == i).then_some("bp-selected"),
    );
    let leaf = kind != NodeKind::Operation;
    let shown = if leaf { num_narrow } else { num };
    let (f_text, f_class) = match (node.value, node.op.leaf_value()) {
        (Some(f), _) => (format!("f\u{2009}=\u{2009}{}", shown(f)), "bp-f"),
        (None, Some(v)) => (format!("=\u{2009}{}", shown(v)), "bp-f bp-pending"),
        (None, None) => ("f\u{2009}=\u{2009}?".to_owned(), "bp-f bp-pending"),
    };
    let g_value = node.grad.map(shown);
    let op = (kind == NodeKind::Operation).then(|| node.op.symbol());
    let (onclick, onkeydown) = if param {
        let click = on_msg.reform(move |_: MouseEvent| Msg::Select(i));
        let on_msg = on_msg.clone();
        let key = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_msg.emit(Msg::Select(i));
            }
        });
        (Some(click), Some(key))
    } else {
        (None, None)
    };
    let width = layout::width(g, i);
    let label = &node.label;
    let aria = param.then(|| format!("{label} {}", num(g.leaf_value(i))));
    let words = |text: &str| {
        t.node_words
            .iter()
            .find(|(english, _)| *english == text)
            .map_or_else(|| text.to_owned(), |(_, shown)| (*shown).to_owned())
    };
    let (shown_label, op) = (words(label), op.map(words));
    html! {
        <g {class} data-label={label.clone()} {onclick} {onkeydown}
           tabindex={param.then_some("0")} role={param.then_some("button")}
           aria-label={aria}
           transform={format!("translate({} {})", cx - width / 2.0, cy - NODE_H / 2.0)}>
            <rect width={width.to_string()} height={NODE_H.to_string()} rx="9" />
            <text class="bp-title" x={(width / 2.0).to_string()} y="18">
                <tspan class="bp-name">{ shown_label }</tspan>
                if let Some(op) = op {
                    <tspan class="bp-op" dx="8">{ op }</tspan>
                }
            </text>
            <text class={f_class} x={(width / 2.0).to_string()} y="36">{ f_text }</text>
            if let Some(g_value) = g_value {
                // A leaf is one column wide: its g is the orange number (the legend says so);
                // the words "g =" stay in the text for screen readers and copying.
                <text class="bp-g" x={(width / 2.0).to_string()} y="52">
                    <tspan class={classes!("bp-g-prefix", leaf.then_some("bp-hidden-prefix"))}>
                        { "g\u{2009}=\u{2009}" }
                    </tspan>
                    { g_value }
                </text>
            }
        </g>
    }
}
