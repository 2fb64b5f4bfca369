"""Views of the TLV app (thin: parse input, call one service or selector, render), per subdomain."""
