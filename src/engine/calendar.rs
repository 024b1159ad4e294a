//! placeholder until the calendar module lands
