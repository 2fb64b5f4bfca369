"""Views of the quality app (thin: parse input, call one service or selector, render)."""
