pub mod schedule_view;
