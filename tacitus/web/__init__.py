"""The HTTP API and the web dashboard over a tacitus store (`tacitus serve`).

`snapshot` opens the store without ever locking the file `tacitus code` writes to, `app`
builds the FastAPI application (JSON API plus the dashboard's static files), `highlight`
marks an event's trigger, actors, place and quotes in its article's text.
"""
