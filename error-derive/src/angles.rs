//! Where a walk over tokens stands among angle brackets. Delimited groups
//! are single tokens, so only `<` and `>` need counting: the derive keeps
//! types, bounds and generic parameters as tokens, split at the commas that
//! stand outside every `<...>`.

use proc_macro2::{Spacing, TokenTree};

/// The angle-bracket depth of a walk in type position, where every `<`
/// opens (`<<` is two) and every `>` closes (`>>` and `>=` are two joint
/// puncts), except the `>` of `->` in `Fn(A) -> B`.
#[derive(Default)]
pub(crate) struct Angles {
    depth: usize,
    after_minus: bool,
}

impl Angles {
    /// Takes the next token and returns the depth it stands at: for a `<`
    /// or a `>`, the depth outside the pair. A `>` closing nothing is left
    /// at depth 0.
    pub(crate) fn step(&mut self, token: &TokenTree) -> usize {
        let TokenTree::Punct(punct) = token else {
            self.after_minus = false;
            return self.depth;
        };
        let outside = match punct.as_char() {
            '<' => {
                self.depth += 1;
                self.depth - 1
            }
            '>' if !self.after_minus => {
                self.depth = self.depth.saturating_sub(1);
                self.depth
            }
            _ => self.depth,
        };
        self.after_minus = punct.as_char() == '-' && punct.spacing() == Spacing::Joint;
        outside
    }
}

/// Whether `token` is the punct `ch`.
pub(crate) fn is_punct(token: &TokenTree, ch: char) -> bool {
    matches!(token, TokenTree::Punct(punct) if punct.as_char() == ch)
}

/// `tokens` split at the commas that stand outside every `<...>`, the
/// commas left out; an empty last piece (a trailing comma) is dropped.
pub(crate) fn split_at_commas(tokens: impl IntoIterator<Item = TokenTree>) -> Vec<Vec<TokenTree>> {
    let mut angles = Angles::default();
    let mut pieces = vec![Vec::new()];
    for token in tokens {
        if angles.step(&token) == 0 && is_punct(&token, ',') {
            pieces.push(Vec::new());
        } else if let Some(piece) = pieces.last_mut() {
            piece.push(token);
        }
    }
    if pieces.last().is_some_and(Vec::is_empty) {
        pieces.pop();
    }
    pieces
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::split_at_commas;

    fn pieces(tokens: proc_macro2::TokenStream) -> Vec<String> {
        split_at_commas(tokens)
            .into_iter()
            .map(|piece| {
                piece
                    .into_iter()
                    .collect::<proc_macro2::TokenStream>()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn commas_inside_angle_brackets_split_nothing() {
        assert_eq!(
            pieces(
                quote!(F: Fn(u8, u16) -> Vec<(u8, u8)>, T: Into<Vec<Vec<u8>>>, U: PartialOrd<T>= u8,)
            ),
            [
                quote!(F: Fn(u8, u16) -> Vec<(u8, u8)>).to_string(),
                quote!(T: Into<Vec<Vec<u8>>>).to_string(),
                quote!(U: PartialOrd<T>= u8).to_string(),
            ]
        );
        assert_eq!(pieces(quote!(<T as X<A, B>>::Y, [u8; 2])).len(), 2);
        assert!(pieces(quote!()).is_empty());
    }
}
