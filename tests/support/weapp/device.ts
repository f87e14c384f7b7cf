/**
 * The citizen's phone around the mini-program: what outlives one launch of the app (its storage, temp files, the
 * WeChat account) and the answers the citizen gives to WeChat's own sheets (subscribe, pay, album, phone number).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export type SheetAnswer = 'accept' | 'reject';

export interface Device {
  /** the WeChat account on this phone; wx.login gets a code for it from the WeChat mock */
  openid: string;
  /** what getPhoneNumber hands over when the citizen allows it */
  phoneNumber: string;
  /** wx storage: keys to JSON text, as WeChat keeps it; survives a relaunch */
  storage: Map<string, string>;
  /** wxfile:// paths to files on this machine */
  files: Map<string, string>;
  tmpDir: string;
  /** what the citizen answers WeChat's subscription sheet (per template id, or for all) */
  subscribeAnswer: SheetAnswer | Record<string, SheetAnswer>;
  /** what the citizen does on WeChat Pay's sheet */
  payAnswer: 'pay' | 'cancel';
  /** whether the citizen allows getPhoneNumber */
  phoneAnswer: SheetAnswer;
  /** photos the album offers next (JPEG bytes); a fresh photo with GPS EXIF when empty */
  album: Buffer[];
  /** the phone loses its connection for file downloads: wx.downloadFile fails as WeChat reports a network error */
  downloadsFail: boolean;
  /** a weak signal: wx.request to a path matching one of these is sent only once `until` settles */
  held: { path: RegExp; until: Promise<unknown> }[];
  /** files in the citizen's WeChat chats, offered by wx.chooseMessageFile (a scanned PDF someone sent them) */
  chatFiles: { name: string; bytes: Buffer }[];
  clipboard: string;
  /** every number the app asked to dial */
  calls: string[];
  /** what the app put in the phone's calendar (wx.addPhoneCalendar) */
  calendar: { title: string; startTime: number; endTime?: string; location?: string; description?: string; alarm?: boolean }[];
  close(): void;
}

let seq = 0;

export function createDevice(o: { openid?: string; phoneNumber?: string } = {}): Device {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'jsb-weapp-device-'));
  return {
    openid: o.openid ?? `oWeapp${process.pid}x${++seq}x${Date.now().toString(36)}`,
    phoneNumber: o.phoneNumber ?? '13905370001',
    storage: new Map(),
    files: new Map(),
    tmpDir,
    subscribeAnswer: 'accept',
    payAnswer: 'pay',
    phoneAnswer: 'accept',
    album: [],
    downloadsFail: false,
    held: [],
    chatFiles: [],
    clipboard: '',
    calls: [],
    calendar: [],
    close: () => rmSync(tmpDir, { recursive: true, force: true }),
  };
}

/** A phone camera's photo: a real JPEG carrying the place it was taken (EXIF GPS), as citizens' photos do. */
export function cameraPhoto(colour = '#2e86c1'): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: colour } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'JiningPhone', Model: 'P1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 24/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 35/1 0/1' },
    })
    .toBuffer();
}
