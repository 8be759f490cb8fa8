"""Typing slips: the errors a typist makes, to tell a likely misspelling from a different word.

Used by the question parse (keywords and everyday words) and the name index (object names): 'Mizra' is Mizar with
two letters swapped, not Mira with a letter added.
"""

from __future__ import annotations

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POSITION = {key: (row, col + 0.5 * row) for row, keys in enumerate(_KEYBOARD_ROWS) for col, key in enumerate(keys)}


def next_key_slip(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` with one letter replaced by a neighbouring key ('rize' for 'rise', not 'size').

    Most typing errors hit an adjacent key: between two keywords equally close, this picks the likelier one.
    """
    if len(typed) != len(meant):
        return False
    differing = [(a, b) for a, b in zip(typed, meant, strict=True) if a != b]
    if len(differing) != 1 or not all(c in _KEY_POSITION for c in differing[0]):
        return False
    (row_a, col_a), (row_b, col_b) = (_KEY_POSITION[c] for c in differing[0])
    return abs(row_a - row_b) <= 1 and abs(col_a - col_b) <= 1


def swapped(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` with two neighbouring letters exchanged ('imgaes' for 'images')."""
    differing = [i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b]
    return (
        len(typed) == len(meant)
        and len(differing) == 2
        and differing[1] == differing[0] + 1
        and typed[differing[0]] == meant[differing[1]]
        and typed[differing[1]] == meant[differing[0]]
    )


def typing_slip(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` after one slip a typist makes ('injects' is no slip for 'insects').

    Two letters swapped, a neighbouring key hit instead, a letter (not the first) left out, or one doubled.
    """
    if len(typed) == len(meant):  # a swap ('imgaes'), not two neighbouring letters both changed ('injects': objects)
        return swapped(typed, meant) or next_key_slip(typed, meant)
    if len(typed) == len(meant) - 1:  # a letter left out, not the first ('receding' is no 'preceding')
        return any(meant[:i] + meant[i + 1 :] == typed for i in range(1, len(meant)))
    if len(typed) == len(meant) + 1:  # a letter doubled
        return any(typed[:i] + typed[i + 1 :] == meant and typed[i] == typed[i - 1] for i in range(1, len(typed)))
    return False
