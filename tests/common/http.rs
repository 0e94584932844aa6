//! A small HTTP/1.1 server on 127.0.0.1 for the feed tests: routes set by
//! the test, every request recorded (path, headers, when it arrived), each
//! connection served on its own thread so a slow route holds up no other.
//! It is bounded, whatever the client does: past [`MAX_REQUESTS`] it answers
//! 503, and no body is written past [`MAX_SECONDS`] after it started (an
//! endless body ends there), so a test that goes wrong still ends.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Requests answered before the server says 503 to every other.
pub const MAX_REQUESTS: usize = 5_000;
/// Seconds after its start past which the server writes no more body.
pub const MAX_SECONDS: u64 = 120;

/// What a path answers.
#[derive(Clone, Debug, Default)]
pub struct Route {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    /// Sent with a 200; a request carrying it in If-None-Match gets a 304.
    pub etag: Option<String>,
    /// Sent with a 200; a request carrying it in If-Modified-Since gets a 304.
    pub last_modified: Option<String>,
    /// Wait this long before answering.
    pub delay: Duration,
    /// More headers (`Content-Encoding`, `Location`).
    pub headers: Vec<(String, String)>,
    /// The body is sent this many times over (0 is once); with more, no
    /// Content-Length is sent and the body ends when the connection closes.
    /// `usize::MAX` is an endless body.
    pub repeat: usize,
    /// Wait this long between two pieces of the body: a trickle.
    pub pace: Duration,
}

impl Route {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route { status: 200, content_type: content_type.into(), body: body.into(), ..Route::default() }
    }
    pub fn xml(body: impl Into<Vec<u8>>) -> Route {
        Route::ok("application/xml", body)
    }
    pub fn html(body: impl Into<Vec<u8>>) -> Route {
        Route::ok("text/html; charset=utf-8", body)
    }
    /// A redirect to `location`.
    pub fn redirect(status: u16, location: &str) -> Route {
        Route { status, headers: vec![("Location".into(), location.into())], ..Route::ok("text/plain", "moved") }
    }
    /// This route with one more header.
    pub fn header(mut self, name: &str, value: &str) -> Route {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub at: Instant,
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    requests: Vec<Request>,
    /// Bytes of each path's body written before the client stopped reading.
    written: HashMap<String, usize>,
}

pub struct Server {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

/// When the server stops writing bodies.
#[derive(Clone, Copy)]
struct Deadline(Instant);

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        let deadline = Deadline(Instant::now() + Duration::from_secs(MAX_SECONDS));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || serve(stream, &state, deadline));
            }
        });
        Server { port, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.state.lock().unwrap().routes.insert(path.to_string(), route);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().unwrap().requests.clone()
    }

    pub fn requests_for(&self, path: &str) -> Vec<Request> {
        self.requests().into_iter().filter(|r| r.path == path).collect()
    }

    pub fn written(&self, path: &str) -> usize {
        self.state.lock().unwrap().written.get(path).copied().unwrap_or(0)
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>, deadline: Deadline) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let route = {
        let mut s = state.lock().unwrap();
        s.requests.push(Request { path: path.clone(), headers: headers.clone(), at: Instant::now() });
        if s.requests.len() > MAX_REQUESTS {
            Some(Route { status: 503, ..Route::ok("text/plain", "too many requests for one test") })
        } else {
            s.routes.get(&path).cloned()
        }
    };
    let route = route.unwrap_or(Route {
        status: 404,
        content_type: "text/plain".into(),
        body: b"not found".to_vec(),
        ..Route::default()
    });
    std::thread::sleep(route.delay);
    let not_modified = (route.etag.is_some() && headers.get("if-none-match") == route.etag.as_ref())
        || (route.last_modified.is_some() && headers.get("if-modified-since") == route.last_modified.as_ref());
    let mut stream = stream;
    let (status, body): (u16, &[u8]) = if not_modified { (304, b"") } else { (route.status, &route.body) };
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Other",
    };
    let mut head =
        format!("HTTP/1.1 {status} {reason}\r\nContent-Type: {}\r\nConnection: close\r\n", route.content_type);
    if status != 304 && route.repeat == 0 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (name, value) in [("ETag", &route.etag), ("Last-Modified", &route.last_modified)] {
        if let Some(v) = value {
            head.push_str(&format!("{name}: {v}\r\n"));
        }
    }
    for (name, value) in &route.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut written = 0;
    let times = if status == 304 { 1 } else { route.repeat.max(1) };
    'body: for _ in 0..times {
        for chunk in body.chunks(64 * 1024) {
            if Instant::now() > deadline.0 || stream.write_all(chunk).is_err() {
                break 'body;
            }
            written += chunk.len();
            std::thread::sleep(route.pace);
        }
    }
    let _ = stream.flush();
    state.lock().unwrap().written.insert(path, written);
}
