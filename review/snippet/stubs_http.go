package snippet

// httpStub declares the part of net/http that handlers and clients use.
const httpStub = `package http

import (
	"context"
	"io"
	"time"
)

type Header map[string][]string

func (h Header) Get(key string) string { return "" }
func (h Header) Set(key, value string) {}
func (h Header) Add(key, value string) {}

type URL struct {
	Scheme, Host, Path, RawQuery string
}

func (u *URL) Query() map[string][]string { return nil }
func (u *URL) String() string              { return "" }

type Request struct {
	Method     string
	URL        *URL
	Header     Header
	Body       io.ReadCloser
	Host       string
	RemoteAddr string
	ctx        context.Context
}

func (r *Request) Context() context.Context                    { return nil }
func (r *Request) WithContext(ctx context.Context) *Request    { return r }
func (r *Request) FormValue(key string) string                 { return "" }
func (r *Request) PathValue(name string) string                { return "" }

type Response struct {
	Status     string
	StatusCode int
	Header     Header
	Body       io.ReadCloser
	Request    *Request
}

type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}
type HandlerFunc func(ResponseWriter, *Request)

func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) {}

type RoundTripper interface {
	RoundTrip(*Request) (*Response, error)
}
type Transport struct {
	MaxIdleConns          int
	IdleConnTimeout       time.Duration
	ResponseHeaderTimeout time.Duration
}

func (t *Transport) RoundTrip(r *Request) (*Response, error) { return nil, nil }

type Client struct {
	Transport RoundTripper
	Timeout   time.Duration
}

var DefaultClient = &Client{}

func (c *Client) Do(req *Request) (*Response, error)                          { return nil, nil }
func (c *Client) Get(url string) (*Response, error)                           { return nil, nil }
func (c *Client) Head(url string) (*Response, error)                          { return nil, nil }
func (c *Client) Post(url, contentType string, body io.Reader) (*Response, error) { return nil, nil }
func (c *Client) PostForm(url string, data map[string][]string) (*Response, error) { return nil, nil }

func Get(url string) (*Response, error)                           { return nil, nil }
func Head(url string) (*Response, error)                          { return nil, nil }
func Post(url, contentType string, body io.Reader) (*Response, error) { return nil, nil }
func PostForm(url string, data map[string][]string) (*Response, error) { return nil, nil }
func NewRequest(method, url string, body io.Reader) (*Request, error) { return nil, nil }
func NewRequestWithContext(ctx context.Context, method, url string, body io.Reader) (*Request, error) {
	return nil, nil
}

type ServeMux struct{ m map[string]Handler }

func NewServeMux() *ServeMux                                                   { return nil }
func (mux *ServeMux) Handle(pattern string, handler Handler)                   {}
func (mux *ServeMux) HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {}
func (mux *ServeMux) ServeHTTP(w ResponseWriter, r *Request)                   {}

func Handle(pattern string, handler Handler)                           {}
func HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {}
func ListenAndServe(addr string, handler Handler) error                { return nil }
func Error(w ResponseWriter, error string, code int)                   {}

type Server struct {
	Addr              string
	Handler           Handler
	ReadTimeout       time.Duration
	ReadHeaderTimeout time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
}

func (s *Server) ListenAndServe() error               { return nil }
func (s *Server) Shutdown(ctx context.Context) error  { return nil }
func (s *Server) Close() error                        { return nil }

var ErrServerClosed error

const (
	MethodGet  = "GET"
	MethodPost = "POST"

	StatusOK                  = 200
	StatusAccepted            = 202
	StatusBadRequest          = 400
	StatusNotFound            = 404
	StatusTooManyRequests     = 429
	StatusInternalServerError = 500
	StatusServiceUnavailable  = 503
	StatusGatewayTimeout      = 504
)
`
