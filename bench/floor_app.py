"""The benchmark floor: the smallest Streamlit page. App pages are timed as a ratio of this one."""

import streamlit as st

st.write("ok")
