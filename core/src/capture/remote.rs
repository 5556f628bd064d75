//! Turns a git remote's URL into the forge, host and repository path it names, and builds
//! web links (repository, commit, request, file) from them; no network is used.

/// Longer remote URLs than this are not real remotes; refuse them rather than scan them.
const MAX_URL: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forge {
    GitHub,
    GitLab,
    Bitbucket,
    /// Anything else; links follow the Gitea/Forgejo layout.
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub forge: Forge,
    /// Lower-case, without user or port.
    pub host: String,
    /// "owner/repo" or "group/sub/repo": no ".git", no leading or trailing '/'.
    pub path: String,
}

fn forge_of(host: &str) -> Forge {
    if host.contains("github") {
        Forge::GitHub
    } else if host.contains("gitlab") {
        Forge::GitLab
    } else if host.contains("bitbucket") {
        Forge::Bitbucket
    } else {
        Forge::Plain
    }
}

/// The SSH-only hosts of the big forges serve no web pages; link to the main host instead.
fn web_host(host: &str) -> &str {
    match host {
        "ssh.github.com" => "github.com",
        "altssh.gitlab.com" => "gitlab.com",
        "altssh.bitbucket.org" => "bitbucket.org",
        h => h,
    }
}

/// A host name or an IP literal in brackets; lower-cased.
fn clean_host(raw: &str) -> Option<String> {
    let host = raw.to_ascii_lowercase();
    let ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && host.len() <= 253
            && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            && !host.starts_with(['-', '.'])
            && !host.ends_with('-')
    };
    ok.then(|| host.trim_end_matches('.').to_string())
}

/// Splits "[user[:password]@]host[:port]" into the host alone; credentials are dropped here.
fn host_of_authority(authority: &str) -> Option<String> {
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        let close = host_port.find(']')?;
        let (h, rest) = host_port.split_at(close + 1);
        if !(rest.is_empty() || rest.strip_prefix(':')?.chars().all(|c| c.is_ascii_digit())) {
            return None;
        }
        h
    } else {
        match host_port.split_once(':') {
            Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
            Some(_) => return None,
            None => host_port,
        }
    };
    clean_host(host)
}

/// Normalises a repository path; None for "..", odd characters, or too few segments.
fn clean_path(raw: &str, forge: Forge) -> Option<String> {
    let raw = raw.split(['?', '#']).next().unwrap_or("");
    let trimmed = raw.trim_matches('/');
    let trimmed = trimmed.strip_suffix(".git").unwrap_or(trimmed).trim_end_matches('/');
    let segments: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
    let bad_char = |c: char| c.is_whitespace() || c.is_control() || "\\\"<>^`{|}".contains(c);
    let odd = |s: &str| !s.chars().any(char::is_alphanumeric) || s.chars().any(bad_char);
    if segments.iter().any(|s| *s == ".." || *s == "." || odd(s)) {
        return None;
    }
    let enough = match forge {
        // github.com/o/r and bitbucket.org/o/r have exactly two levels.
        Forge::GitHub | Forge::Bitbucket => segments.len() == 2,
        Forge::GitLab => segments.len() >= 2,
        Forge::Plain => !segments.is_empty(),
    };
    enough.then(|| segments.join("/"))
}

/// Percent-encodes one path segment, keeping only RFC 3986 unreserved characters.
fn encode_segment(seg: &str) -> String {
    let mut out = String::with_capacity(seg.len());
    for b in seg.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // "." and ".." would be folded away by browsers and climb out of the repository.
    if out == "." || out == ".." {
        out.replace('.', "%2E")
    } else {
        out
    }
}

fn encode_path(path: &str) -> String {
    path.split('/').filter(|s| !s.is_empty()).map(encode_segment).collect::<Vec<_>>().join("/")
}

impl Remote {
    /// Parses a remote URL; None for local paths, file://, empty input, and anything unclear.
    pub fn parse(url: &str) -> Option<Remote> {
        let url = url.trim();
        if url.is_empty() || url.len() > MAX_URL || url.chars().any(char::is_control) {
            return None;
        }
        let (host, path) = if let Some((scheme, rest)) = url.split_once("://") {
            let scheme = scheme.to_ascii_lowercase();
            if !matches!(scheme.as_str(), "https" | "http" | "ssh" | "git" | "git+ssh" | "ssh+git")
            {
                return None;
            }
            let (authority, path) = rest.split_once('/')?;
            (host_of_authority(authority)?, path)
        } else {
            // scp-like "[user@]host:path"; anything with a '/' before the ':' is a local path.
            let (left, path) = url.split_once(':')?;
            if left.contains('/') || left.contains('\\') || path.starts_with("//") {
                return None;
            }
            let host = left.rsplit_once('@').map_or(left, |(_, h)| h);
            // "C:\repo" or "C:/repo" is a Windows drive, not a host.
            if host.len() == 1 {
                return None;
            }
            (clean_host(host)?, path)
        };
        let host = web_host(&host).to_string();
        let forge = forge_of(&host);
        let path = clean_path(path, forge)?;
        Some(Remote { forge, host, path })
    }

    /// The repository's home page.
    pub fn web_url(&self) -> String {
        format!("https://{}/{}", self.host, self.path)
    }

    /// The page of one commit.
    pub fn commit_url(&self, id: &str) -> String {
        let id = encode_segment(id.trim());
        let web = self.web_url();
        match self.forge {
            Forge::GitHub | Forge::Plain => format!("{web}/commit/{id}"),
            Forge::GitLab => format!("{web}/-/commit/{id}"),
            Forge::Bitbucket => format!("{web}/commits/{id}"),
        }
    }

    /// The page of a pull or merge request.
    pub fn request_url(&self, number: u64) -> String {
        let web = self.web_url();
        match self.forge {
            Forge::GitHub => format!("{web}/pull/{number}"),
            Forge::GitLab => format!("{web}/-/merge_requests/{number}"),
            Forge::Bitbucket => format!("{web}/pull-requests/{number}"),
            Forge::Plain => format!("{web}/pulls/{number}"),
        }
    }

    /// A file as it was at a commit; the path is percent-encoded segment by segment.
    pub fn file_url(&self, commit: &str, path: &str) -> String {
        let id = encode_segment(commit.trim());
        let file = encode_path(path);
        let web = self.web_url();
        match self.forge {
            Forge::GitHub => format!("{web}/blob/{id}/{file}"),
            Forge::GitLab => format!("{web}/-/blob/{id}/{file}"),
            Forge::Bitbucket => format!("{web}/src/{id}/{file}"),
            Forge::Plain => format!("{web}/src/commit/{id}/{file}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn r(forge: Forge, host: &str, path: &str) -> Option<Remote> {
        Some(Remote { forge, host: host.to_string(), path: path.to_string() })
    }

    #[test]
    fn table_parse() {
        use Forge::*;
        let rows: &[(&str, Option<Remote>)] = &[
            ("https://github.com/o/r", r(GitHub, "github.com", "o/r")),
            ("https://github.com/o/r.git", r(GitHub, "github.com", "o/r")),
            ("http://github.com/o/r.git", r(GitHub, "github.com", "o/r")),
            ("https://github.com/o/r/", r(GitHub, "github.com", "o/r")),
            ("https://github.com/o/r.git/", r(GitHub, "github.com", "o/r")),
            ("ssh://git@github.com:22/o/r.git", r(GitHub, "github.com", "o/r")),
            ("ssh://git@ssh.github.com:443/o/r.git", r(GitHub, "github.com", "o/r")),
            ("git@github.com:o/r.git", r(GitHub, "github.com", "o/r")),
            ("git@github.com:/o/r.git", r(GitHub, "github.com", "o/r")),
            ("github.com:o/r", r(GitHub, "github.com", "o/r")),
            ("git://example.org/o/r", r(Plain, "example.org", "o/r")),
            ("https://user:token@github.com/o/r.git", r(GitHub, "github.com", "o/r")),
            ("https://x-access-token:ghp_abc@GitHub.COM/O/R", r(GitHub, "github.com", "O/R")),
            ("HTTPS://GITHUB.COM/o/r", r(GitHub, "github.com", "o/r")),
            ("  https://github.com/o/r.git\n", r(GitHub, "github.com", "o/r")),
            ("https://github.example.com/o/r", r(GitHub, "github.example.com", "o/r")),
            ("https://gitlab.com/group/sub/repo.git", r(GitLab, "gitlab.com", "group/sub/repo")),
            (
                "git@gitlab.com:group/sub/deeper/repo.git",
                r(GitLab, "gitlab.com", "group/sub/deeper/repo"),
            ),
            ("https://gitlab.example.com:8443/g/r", r(GitLab, "gitlab.example.com", "g/r")),
            ("git@bitbucket.org:team/repo.git", r(Bitbucket, "bitbucket.org", "team/repo")),
            ("https://me@bitbucket.org/team/repo.git", r(Bitbucket, "bitbucket.org", "team/repo")),
            ("https://codeberg.org/o/r.git", r(Plain, "codeberg.org", "o/r")),
            ("https://git.example.org/solo", r(Plain, "git.example.org", "solo")),
            ("https://[::1]:3000/o/r", r(Plain, "[::1]", "o/r")),
            ("https://github.com//o//r", r(GitHub, "github.com", "o/r")),
            ("https://github.com/o/r?tab=readme#top", r(GitHub, "github.com", "o/r")),
            ("", None),
            ("   ", None),
            ("/home/me/repo", None),
            ("./repo", None),
            ("../repo.git", None),
            ("~/src/repo", None),
            ("file:///home/me/repo", None),
            ("C:\\repos\\thing", None),
            ("C:/repos/thing", None),
            ("ftp://example.org/o/r", None),
            ("https://github.com", None),
            ("https://github.com/", None),
            ("https://github.com/o", None),
            ("https://github.com/o/r/tree/main", None),
            ("https://github.com/o/../r", None),
            ("https://gitlab.com/g/./r", None),
            ("https://github.com/o/r\u{7}", None),
            ("https://github.com/o/r x", None),
            ("https://bad host/o/r", None),
            ("https://github.com:abc/o/r", None),
            ("not a url", None),
            ("garbage:::", None),
            ("https://", None),
        ];
        for (url, want) in rows {
            assert_eq!(&Remote::parse(url), want, "{url:?}");
        }
    }

    #[test]
    fn table_links() {
        let gh = Remote::parse("git@github.com:o/r.git").expect("parses");
        assert_eq!(gh.web_url(), "https://github.com/o/r");
        assert_eq!(gh.commit_url("abc123"), "https://github.com/o/r/commit/abc123");
        assert_eq!(gh.request_url(7), "https://github.com/o/r/pull/7");
        assert_eq!(
            gh.file_url("abc123", "src/my file#1.rs"),
            "https://github.com/o/r/blob/abc123/src/my%20file%231.rs"
        );
        assert_eq!(gh.file_url("abc", "/a/../b"), "https://github.com/o/r/blob/abc/a/%2E%2E/b");

        let gl = Remote::parse("https://gitlab.com/g/s/r.git").expect("parses");
        assert_eq!(gl.commit_url("abc"), "https://gitlab.com/g/s/r/-/commit/abc");
        assert_eq!(gl.request_url(45), "https://gitlab.com/g/s/r/-/merge_requests/45");
        assert_eq!(gl.file_url("abc", "a/b.rs"), "https://gitlab.com/g/s/r/-/blob/abc/a/b.rs");

        let bb = Remote::parse("git@bitbucket.org:t/r.git").expect("parses");
        assert_eq!(bb.commit_url("abc"), "https://bitbucket.org/t/r/commits/abc");
        assert_eq!(bb.request_url(3), "https://bitbucket.org/t/r/pull-requests/3");
        assert_eq!(bb.file_url("abc", "é.md"), "https://bitbucket.org/t/r/src/abc/%C3%A9.md");

        let pl = Remote::parse("ssh://git@git.example.org:2222/o/r.git").expect("parses");
        assert_eq!(pl.web_url(), "https://git.example.org/o/r");
        assert_eq!(pl.commit_url("abc"), "https://git.example.org/o/r/commit/abc");
        assert_eq!(pl.request_url(9), "https://git.example.org/o/r/pulls/9");
        assert_eq!(pl.file_url("abc", "x/y"), "https://git.example.org/o/r/src/commit/abc/x/y");
    }

    fn hosts() -> impl Strategy<Value = (&'static str, Forge)> {
        prop::sample::select(vec![
            ("github.com", Forge::GitHub),
            ("GitHub.com", Forge::GitHub),
            ("github.example.com", Forge::GitHub),
            ("gitlab.com", Forge::GitLab),
            ("gitlab.internal.example", Forge::GitLab),
            ("bitbucket.org", Forge::Bitbucket),
            ("git.example.org", Forge::Plain),
            ("codeberg.org", Forge::Plain),
        ])
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in any::<String>()) {
            if let Some(r) = Remote::parse(&s) {
                let _ = (r.web_url(), r.commit_url(&s), r.request_url(1), r.file_url(&s, &s));
            }
        }

        #[test]
        fn parse_never_panics_on_urlish(s in "[a-z@:/.\\[\\]0-9_~%-]{0,80}") {
            let _ = Remote::parse(&s);
        }

        #[test]
        fn every_syntax_parses_alike(
            (host, forge) in hosts(),
            owner in "[a-z0-9][a-z0-9-]{0,15}",
            repo in "[A-Za-z0-9][A-Za-z0-9_.-]{0,15}[A-Za-z0-9_-]",
            sub in prop::option::of("[a-z0-9][a-z0-9-]{0,10}"),
            token in "ghp_[A-Za-z0-9]{16}",
            port in 1u16..65535,
        ) {
            let path = match (&sub, forge) {
                (Some(s), Forge::GitLab) => format!("{owner}/{s}/{repo}"),
                _ => format!("{owner}/{repo}"),
            };
            prop_assume!(!path.ends_with(".git"));
            let want = Remote { forge, host: host.to_ascii_lowercase(), path: path.clone() };
            let urls = [
                format!("https://{host}/{path}"),
                format!("https://{host}/{path}.git"),
                format!("https://{host}/{path}.git/"),
                format!("http://{host}/{path}/"),
                format!("https://u~ser:{token}@{host}/{path}.git"),
                format!("https://{token}@{host}:{port}/{path}"),
                format!("ssh://git@{host}:{port}/{path}.git"),
                format!("ssh://{host}/{path}"),
                format!("git@{host}:{path}.git"),
                format!("{token}@{host}:{path}"),
                format!("git://{host}/{path}.git"),
            ];
            for url in &urls {
                let got = Remote::parse(url);
                prop_assert_eq!(got.as_ref(), Some(&want), "{}", url);
                if let Some(r) = got {
                    for link in [r.web_url(), r.commit_url("abc"), r.request_url(4),
                                 r.file_url("abc", "a b/c.rs")] {
                        prop_assert!(!link.contains(&token) && !link.contains("u~ser"), "{}", link);
                        prop_assert!(link.starts_with("https://"));
                    }
                }
            }
        }
    }
}
