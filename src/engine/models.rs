//! SPEC §2: what each management model allows.
