import { defaultHttpLimits } from '../web/limits.ts';

/** What `convene deploy nginx` needs to know. */
export interface NginxSettings {
  /** `PORT` or `ADDRESS:PORT` nginx listens on */
  readonly listen: string;
  readonly serverName: string;
  /** each Convene instance as `HOST:PORT` */
  readonly upstreams: readonly string[];
}

/** How long an event stream may stay silent before nginx drops it: far above the 15 s heartbeat. */
const streamIdleSeconds = 3600;

/**
 * A complete nginx configuration for Convene instances behind one nginx, with a comment on each
 * choice. Paths (logs, pid, temporary files) are relative to nginx's prefix (`-p DIR`).
 */
export function nginxConfig({ listen, serverName, upstreams }: NginxSettings): string {
  const bodyKb = Math.ceil(defaultHttpLimits.bodyLimitBytes / 1024);
  const servers = upstreams
    .map((upstream) => `    server ${upstream} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  return `# nginx in front of Convene (${upstreams.length} instance${upstreams.length === 1 ? '' : 's'}), written by \`convene deploy nginx\`.
#
# Run it with:  nginx -p DIR -c THIS_FILE
# Logs, the pid file and temporary files are kept in DIR. Start every instance with
# TRUST_PROXY set to the address nginx connects from (127.0.0.1 when on the same machine), so
# rate limits and stream caps count each visitor, not nginx; and BASE_URL set to the public address.

worker_processes auto;
pid nginx.pid;
error_log error.log warn;

events {
    # Every open live board holds one connection to the visitor and one to an instance.
    worker_connections 16384;
}

http {
    default_type application/octet-stream;
    access_log access.log;
    sendfile on;
    tcp_nodelay on;
    server_tokens off;

    # Temporary files stay under DIR, so nginx needs no system directory.
    client_body_temp_path client_body_temp;
    proxy_temp_path proxy_temp;
    fastcgi_temp_path fastcgi_temp;
    uwsgi_temp_path uwsgi_temp;
    scgi_temp_path scgi_temp;

    # The largest request body Convene accepts; larger ones are refused here already.
    client_max_body_size ${bodyKb}k;

    # Pages, JSON, feeds and scripts are compressed when Convene has not done it already; the
    # event stream is never compressed (a compressor would hold updates back until it fills).
    gzip on;
    gzip_vary on;
    gzip_proxied any;
    gzip_min_length 512;
    gzip_types application/json text/css text/javascript application/javascript text/calendar
               application/xml text/xml image/svg+xml text/plain;

    # Asset addresses carry their content version (?v=…), so a versioned asset is kept a year.
    map $arg_v $convene_asset_expiry {
        ""      1h;
        default 1y;
    }

    upstream convene {
        # Writes to one event are serialised by the database, so any instance may take any request.
${servers}
        keepalive 64;
    }

    server {
        listen ${listen};
        server_name ${serverName};

        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        # What TRUST_PROXY expects: the visitor's address as nginx saw it (replacing whatever the
        # visitor sent, so nobody can pose as another address), and the scheme and host they used.
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Forwarded-Host $host;
        # An instance that is stopping refuses new requests (connection refused, or 503 before doing
        # anything); nginx then sends the request to another instance, writes included.
        proxy_next_upstream error http_502 http_503 non_idempotent;
        proxy_next_upstream_tries 3;
        proxy_connect_timeout 2s;
        proxy_read_timeout 60s;

        # The live event stream (Server-Sent Events): passed on as it comes, never buffered nor
        # compressed, and kept open for an hour of silence (Convene sends a heartbeat every 15 s).
        # When an instance stops, browsers reconnect here and reach another one.
        location ~ ^/api/v1/events/[^/]+/stream$ {
            proxy_pass http://convene;
            proxy_buffering off;
            proxy_cache off;
            gzip off;
            proxy_read_timeout ${streamIdleSeconds}s;
            proxy_send_timeout ${streamIdleSeconds}s;
        }

        # Scripts, styles and images: long browser cache lifetimes for versioned addresses.
        location /assets/ {
            proxy_pass http://convene;
            expires $convene_asset_expiry;
        }

        # Pages, the JSON API and the feeds.
        location / {
            proxy_pass http://convene;
        }
    }
}
`;
}
