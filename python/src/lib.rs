//! galley for Python: the same stages as the `galley` binary, called on
//! one page dump at a time, so that an engine (datatrove, Ray, Spark)
//! can spread a batch over its workers.
//!
//! `clean` returns the lines `galley clean --format jsonl` writes for the
//! same file, so that an engine's articles equal the CLI's byte for byte;
//! the Python wrapper (`galley/__init__.py`) parses them into dicts. The
//! GIL is released while a page is decoded and cleaned.

use std::path::Path;
use std::sync::OnceLock;

use galley::batch::{articles, file_facts};
use galley::decode::decode;
use galley::facts::Stamp;
use galley::model::Decoded;
use galley::rules::RuleSet;
use galley::{BatchContext, CleanOptions, Source};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyType};

create_exception!(_galley, GalleyError, PyException, "Facts or options that do not fit, or bad rules.");
create_exception!(
    _galley,
    NotText,
    GalleyError,
    "A page dump that is not text: binary data, mostly undecodable bytes, empty."
);

fn error(e: galley::Error) -> PyErr {
    GalleyError::new_err(e.to_string())
}

/// The options of the cleaning stages: extra rules (the TOML text of a
/// `--rules` file) and whether furniture stays in the text.
#[pyclass(module = "galley", frozen)]
struct Options {
    clean: CleanOptions,
    stamp: Stamp,
    rules: Option<String>,
}

#[pymethods]
impl Options {
    #[new]
    #[pyo3(signature = (rules = None, keep_furniture = false))]
    fn new(rules: Option<String>, keep_furniture: bool) -> PyResult<Self> {
        let mut set = RuleSet::builtin();
        if let Some(text) = &rules {
            set.add_toml(text, Path::new("<rules>")).map_err(error)?;
        }
        let clean = CleanOptions { rules: set, keep_furniture };
        Ok(Options { stamp: Stamp::new(&clean, None), clean, rules })
    }

    /// The TOML text of the extra rules, if any.
    #[getter]
    fn rules(&self) -> Option<&str> {
        self.rules.as_deref()
    }

    /// Whether furniture stays in the text (it is still recorded).
    #[getter]
    fn keep_furniture(&self) -> bool {
        self.clean.keep_furniture
    }

    /// Pickled as its arguments, to be compiled again where it is unpickled.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (Option<String>, bool)) {
        let me = slf.get();
        (slf.get_type(), (me.rules.clone(), me.clean.keep_furniture))
    }

    fn __repr__(&self) -> String {
        let rules = if self.rules.is_some() { "<extra rules>" } else { "None" };
        format!("Options(rules={rules}, keep_furniture={})", if self.clean.keep_furniture { "True" } else { "False" })
    }
}

/// The built-in options, compiled once.
fn default_options(py: Python<'_>) -> PyResult<&'static Py<Options>> {
    static DEFAULT: OnceLock<Py<Options>> = OnceLock::new();
    if let Some(options) = DEFAULT.get() {
        return Ok(options);
    }
    let options = Py::new(py, Options::new(None, false)?)?;
    Ok(DEFAULT.get_or_init(|| options))
}

/// The facts of a batch of pages (running headers, repeated boxes, word
/// forms, paragraph seams), and the stamp of the options they were
/// gathered under. Facts merge: the facts of parts of a batch, merged in
/// any order, are the facts of the whole.
#[pyclass(module = "galley", frozen)]
struct Facts {
    facts: galley::Facts,
    stamp: Stamp,
    context: OnceLock<BatchContext>,
}

impl Facts {
    fn of(facts: galley::Facts, stamp: Stamp) -> Self {
        Facts { facts, stamp, context: OnceLock::new() }
    }

    fn context(&self) -> &BatchContext {
        self.context.get_or_init(|| self.facts.clone().into_context())
    }
}

#[pymethods]
impl Facts {
    /// The facts of no page, under `options`.
    #[new]
    #[pyo3(signature = (options = None))]
    fn new(py: Python<'_>, options: Option<&Options>) -> PyResult<Self> {
        let stamp = match options {
            Some(options) => options.stamp.clone(),
            None => default_options(py)?.get().stamp.clone(),
        };
        Ok(Facts::of(galley::Facts::default(), stamp))
    }

    /// These facts and `other`'s, merged.
    fn merge(&self, py: Python<'_>, other: &Facts) -> PyResult<Facts> {
        other.stamp.check(&self.stamp).map_err(error)?;
        let merged = py.allow_threads(|| self.facts.clone().merge(other.facts.clone()));
        Ok(Facts::of(merged, self.stamp.clone()))
    }

    /// The facts file `galley facts` writes, and `galley clean --facts` reads.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.facts.to_bytes(&self.stamp))
    }

    /// Facts from a facts file's bytes.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Facts> {
        let (facts, stamp) = galley::Facts::from_bytes(data).map_err(error)?;
        Ok(Facts::of(facts, stamp))
    }

    /// How many pages the facts are of.
    #[getter]
    fn pages(&self) -> u32 {
        self.facts.pages()
    }

    /// The SHA-256 of the facts, hex.
    fn digest(&self) -> String {
        self.facts.digest()
    }

    fn __eq__(&self, other: &Facts) -> bool {
        self.facts == other.facts && self.stamp == other.stamp
    }

    /// Pickled as its facts file, read back where it is unpickled.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        Ok((slf.get_type().getattr("from_bytes")?, (slf.get().to_bytes(slf.py()),)))
    }

    fn __repr__(&self) -> String {
        format!("<galley.Facts of {} pages>", self.facts.pages())
    }
}

/// The facts of many parts of a batch merged at once, each part copied
/// once; all gathered under `options` (by default: under the first
/// part's options).
#[pyfunction]
#[pyo3(signature = (parts, options = None))]
fn merge_facts(py: Python<'_>, parts: Vec<PyRef<'_, Facts>>, options: Option<&Options>) -> PyResult<Facts> {
    let stamp = match (options, parts.first()) {
        (Some(options), _) => options.stamp.clone(),
        (None, Some(first)) => first.stamp.clone(),
        (None, None) => default_options(py)?.get().stamp.clone(),
    };
    for part in &parts {
        part.stamp.check(&stamp).map_err(error)?;
    }
    let facts: Vec<&galley::Facts> = parts.iter().map(|part| &part.facts).collect();
    let merged = py.allow_threads(|| facts.into_iter().fold(galley::Facts::default(), |all, f| all.merge(f.clone())));
    Ok(Facts::of(merged, stamp))
}

/// A page dump as galley reads it: `str` as UTF-8 text, `bytes` in the
/// encoding galley detects, as the binary reads a file.
struct Dump {
    bytes: Vec<u8>,
    encoding: Option<&'static encoding_rs::Encoding>,
}

impl Dump {
    fn of(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(text) = data.downcast::<PyString>() {
            return Ok(Dump { bytes: text.to_cow()?.as_bytes().to_vec(), encoding: Some(encoding_rs::UTF_8) });
        }
        let bytes = data.extract::<Vec<u8>>().map_err(|_| PyTypeError::new_err("a page dump is str or bytes"))?;
        Ok(Dump { bytes, encoding: None })
    }

    fn decode(&self) -> Result<Decoded, String> {
        decode(&self.bytes, self.encoding).map_err(|reason| reason.to_string())
    }
}

/// The options given, or the built-in ones.
fn options_or_default<'a>(py: Python<'_>, options: Option<&'a Options>) -> PyResult<&'a Options> {
    match options {
        Some(options) => Ok(options),
        None => Ok(default_options(py)?.get()),
    }
}

/// The articles of one page dump, as the JSON lines of `articles.jsonl`.
#[pyfunction]
#[pyo3(signature = (data, facts = None, options = None, source = "-"))]
fn clean_lines(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    facts: Option<&Facts>,
    options: Option<&Options>,
    source: &str,
) -> PyResult<String> {
    let options = options_or_default(py, options)?;
    if let Some(facts) = facts {
        facts.stamp.check(&options.stamp).map_err(error)?;
    }
    let dump = Dump::of(data)?;
    let source = Source { rel: source.to_owned(), path: None };
    let empty = BatchContext::default();
    let lines = py.allow_threads(|| {
        let ctx = facts.map_or(&empty, Facts::context);
        dump.decode().map(|decoded| articles(&source, &decoded, ctx, &options.clean))
    });
    lines.map_err(NotText::new_err)
}

/// The facts of one page dump (of each of its pages), to merge with
/// those of the rest of the batch.
#[pyfunction]
#[pyo3(signature = (data, options = None))]
fn page_facts(py: Python<'_>, data: &Bound<'_, PyAny>, options: Option<&Options>) -> PyResult<Facts> {
    let options = options_or_default(py, options)?;
    let dump = Dump::of(data)?;
    let facts = py.allow_threads(|| dump.decode().map(|decoded| file_facts(&decoded, &options.clean)));
    Ok(Facts::of(facts.map_err(NotText::new_err)?, options.stamp.clone()))
}

/// The text galley reads from a page dump's bytes: its encoding
/// detected, line ends made LF, control characters replaced.
#[pyfunction]
fn decode_text(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<String> {
    let dump = Dump::of(data)?;
    py.allow_threads(|| dump.decode().map(|d| d.text)).map_err(NotText::new_err)
}

#[pymodule]
fn _galley(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", galley::VERSION)?;
    m.add("GalleyError", m.py().get_type::<GalleyError>())?;
    m.add("NotText", m.py().get_type::<NotText>())?;
    m.add_class::<Options>()?;
    m.add_class::<Facts>()?;
    m.add_function(wrap_pyfunction!(clean_lines, m)?)?;
    m.add_function(wrap_pyfunction!(page_facts, m)?)?;
    m.add_function(wrap_pyfunction!(merge_facts, m)?)?;
    m.add_function(wrap_pyfunction!(decode_text, m)?)?;
    Ok(())
}
