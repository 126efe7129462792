use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
enum Inner {
    #[api(code = "NotFound")]
    Missing,
}

#[derive(Debug, ApiError)]
enum Outer {
    #[api(status = 404, code = "NotFound")]
    Gone,
    // `Inner`'s rows join `Outer`'s catalog, where `NotFound` is taken.
    #[api(transparent)]
    Inner(Inner),
}

fn main() {}
