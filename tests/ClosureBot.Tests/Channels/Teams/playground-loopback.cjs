// Preloaded into the Agents Playground (node -r): it listens on every interface by default and has no host option,
// so a listen() given only a port is bound to 127.0.0.1, keeping the test's servers on loopback.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
