"""Outputs for people: the HTML and Markdown report, its charts, the iCalendar feed.

May import the computations and the formats; nothing but the command line
imports it.
"""
