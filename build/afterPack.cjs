// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing
// (DESIGN.md, "Electron security"). A fuse is a bit in the executable, so no command line flag or
// environment variable can turn these back on:
//   RunAsNode off                         ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
//   EnableNodeOptionsEnvironmentVariable  NODE_OPTIONS is ignored
//   EnableNodeCliInspectArguments off     --inspect / --inspect-brk are ignored
//   EnableCookieEncryption on             cookies encrypted at rest with the OS key
//   EnableEmbeddedAsarIntegrityValidation the app.asar is checked against the hash built in (mac, win)
//   OnlyLoadAppFromAsar on                the app loads only from app.asar, never a loose app/ folder
// On macOS arm64 (and universal) flipping fuses breaks the ad-hoc signature, so it is re-made.
// The hook fails the build if the binary has no fuse wire: an app shipped without fuses is a
// security regression, not a warning. (test/packaging runs it on a stand-in binary that carries a
// fuse wire like Electron's, and reads the flipped fuses back.)
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook electron-builder require()s */
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const ARCH_ARM64 = 3; // builder-util Arch.arm64
const ARCH_UNIVERSAL = 4; // builder-util Arch.universal

const fuses = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The Electron executable (or .app bundle) electron-builder just laid out. */
function electronBinaryPath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const resetAdHocDarwinSignature = isMac && (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL);
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature, ...fuses });
  console.log(`  • fuses flipped  file=${path.relative(process.cwd(), binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuses = fuses;
module.exports.electronBinaryPath = electronBinaryPath;
