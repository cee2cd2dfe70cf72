"""Read services shared by the REST API and the web pages (thin queries over the store)."""
