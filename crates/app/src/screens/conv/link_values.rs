//! How the link writes the painter's single values (exact weights, padding, pooling, the
//! activation) and reads them back, refusing what the screen cannot show.

use nnp_core::activation::Activation;
use nnp_core::conv::{Padding, PoolConfig, PoolKind};

use super::model::{ACTIVATIONS, KERNEL_SIZES};
use crate::share::{from_base64url, to_base64url, whole};

pub(super) fn activation(value: &str) -> Result<Activation, String> {
    Activation::from_id(value)
        .filter(|a| ACTIVATIONS.contains(a))
        .ok_or_else(|| format!("unknown activation '{value}'"))
}

pub(super) fn write_weights(weights: &[f32]) -> String {
    let text: Vec<String> = weights.iter().map(f32::to_string).collect();
    let text = text.join(",");
    let bytes: Vec<u8> = weights.iter().flat_map(|w| w.to_le_bytes()).collect();
    let packed = format!("*{}", to_base64url(&bytes));
    if packed.len() < text.len() {
        packed
    } else {
        text
    }
}

pub(super) fn read_weights(text: &str) -> Result<Vec<f32>, String> {
    let weights: Vec<f32> = if let Some(packed) = text.strip_prefix('*') {
        let bytes = from_base64url(packed)?;
        let (chunks, rest) = bytes.as_chunks::<4>();
        if !rest.is_empty() {
            return Err("packed weights have the wrong length".into());
        }
        chunks.iter().map(|c| f32::from_le_bytes(*c)).collect()
    } else {
        text.split(',')
            .map(|w| {
                w.trim()
                    .parse::<f32>()
                    .map_err(|_| format!("'{w}' is not a number"))
            })
            .collect::<Result<_, _>>()?
    };
    if weights.iter().any(|w| !w.is_finite()) {
        return Err("a weight is not a finite number".into());
    }
    let most = KERNEL_SIZES[KERNEL_SIZES.len() - 1];
    if weights.len() > most * most {
        return Err("a kernel has too many weights".into());
    }
    Ok(weights)
}

pub(super) fn write_padding(padding: Padding) -> String {
    match padding {
        Padding::Same => "same".into(),
        Padding::Valid => "valid".into(),
        Padding::Zero(n) => format!("z{n}"),
    }
}

pub(super) fn read_padding(text: &str) -> Result<Padding, String> {
    match text {
        "same" => Ok(Padding::Same),
        "valid" => Ok(Padding::Valid),
        _ => match text.strip_prefix('z') {
            Some(n) => Ok(Padding::Zero(whole(n, 8)? as usize)),
            None => Err(format!("unknown padding '{text}'")),
        },
    }
}

pub(super) fn write_pool(pool: Option<PoolConfig>) -> String {
    match pool {
        None => "none".into(),
        Some(p) => format!("{}.{}.{}", p.kind.id(), p.size, p.stride),
    }
}

pub(super) fn read_pool(text: &str) -> Result<Option<PoolConfig>, String> {
    if text == "none" {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split('.').collect();
    let [kind, size, stride] = parts[..] else {
        return Err(format!("'{text}' is not kind.size.stride"));
    };
    Ok(Some(PoolConfig {
        kind: PoolKind::from_id(kind).ok_or_else(|| format!("unknown pooling '{kind}'"))?,
        size: whole(size, 4)?.max(1) as usize,
        stride: whole(stride, 4)?.max(1) as usize,
    }))
}
