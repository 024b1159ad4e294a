pub mod support_and_tickets;
