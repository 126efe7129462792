use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PageError {
    #[api(status = 406, message = "Not acceptable")]
    NotAcceptable {
        #[api(header = "content-type")]
        kind: &'static str,
    },
}

fn main() {}
