#!/bin/sh
# Checks the syntax of jaga.conf + proxy.conf with `nginx -t` in a scratch prefix, with a throw-away
# self-signed certificate in place of Let's Encrypt's. Needs nginx (NGINX_BIN=/path/to/nginx;
# not NGINX, which nginx itself reads) and openssl.
# Nothing is installed or started.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
nginx=${NGINX_BIN:-nginx}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/logs" "$tmp/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=jaga.example.org \
  -keyout "$tmp/tls/privkey.pem" -out "$tmp/tls/fullchain.pem" 2>/dev/null
cp "$here/proxy.conf" "$tmp/proxy.conf"
sed -e "s#/etc/letsencrypt/live/jaga.example.org#$tmp/tls#g" -e "s#/etc/jaga/nginx-proxy.conf#$tmp/proxy.conf#g" \
  "$here/jaga.conf" > "$tmp/jaga.conf"
cat > "$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    include $tmp/jaga.conf;
}
CONF
"$nginx" -t -p "$tmp" -c "$tmp/nginx.conf"
