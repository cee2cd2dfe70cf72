"""Ingestion: read files (readers), clean their text (cleanup), detect language, fingerprint
(dedupe) and expand paths (discover); ``service`` stores the result."""
