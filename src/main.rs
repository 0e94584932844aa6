//! The `byline` binary: everything is in the library crate.

fn main() {
    std::process::exit(byline::cli::main());
}
