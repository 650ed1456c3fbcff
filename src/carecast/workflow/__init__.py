"""carecast.workflow: what people do with posts, users and consent, each step audited.

Functions take the database session (and the acting user) as arguments; the web pages,
the API and the command line call them and never change the database themselves.
"""
