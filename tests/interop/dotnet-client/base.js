'use strict';
// The URI prefix the .NET side of a test declared its procedures and topics under: the test makes a
// fresh one per run and passes it as LIVESTACK_DOTNET_BASE; by hand, the default below is used.

function dotnetBase() {
  return process.env.LIVESTACK_DOTNET_BASE || 'com.livestack.interop.dotnet';
}

module.exports = { dotnetBase };
