"""Analyst review: corrections to extracted rows (kept in the ``corrections`` table and carried
over to new versions of a document), the originals kept for page images, and the small local
web app (``pipeline.review.app``) that shows a row beside the region of the page it came from."""
