"""Loading and validating the data directory (pure: no Streamlit here)."""

from enact_dash.data.dataset import Dataset, load_dataset
from enact_dash.data.loaders import TableResult, load_table, localized
from enact_dash.data.problems import Level, Outcome, Problem

__all__ = ["Dataset", "Level", "Outcome", "Problem", "TableResult", "load_dataset", "load_table", "localized"]
