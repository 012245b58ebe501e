"""Integrity rules over whole promises, and the limits a document must keep.

Imports only the model and the core.
"""
