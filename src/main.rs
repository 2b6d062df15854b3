//! The `duty` binary: everything lives in the library; this only hands over the exit code.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    duty::cli::main()
}
