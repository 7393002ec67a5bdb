"""The only Streamlit-aware code besides the pages: state, cached loading, sidebar, small renderers."""
