"""Packet template widgets: the section, the send grid, the editor, hex highlighting."""
