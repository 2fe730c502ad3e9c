//! Reading and writing prospects as files people exchange: CSV from spreadsheets.
