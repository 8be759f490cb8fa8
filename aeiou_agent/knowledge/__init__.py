"""Knowledge: sentence embeddings (shared by the planner) and, later, the Chroma store of cards and papers."""
