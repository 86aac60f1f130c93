/**
 * Every setting of the bot, read from the environment in this one place and validated with zod.
 * A bad value stops start-up with a message naming the variable.
 */
import { z } from 'zod';
import { parseAdminIdList, type AdminId } from './admin/admin-ids.js';
import type { ChannelName } from './channels/names.js';

export type { ChannelName };

const optionalString = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : v));

const optionalUrl = optionalString.pipe(z.url().optional());

const intFromEnv = (fallback: number, min: number, max: number) =>
  optionalString
    .pipe(z.string().regex(/^\d+$/, 'cần một số nguyên không âm').optional())
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(z.number().int().min(min).max(max));

/** "telegram:123,zalo:abc" → [{channel:'telegram', userId:'123'}, …] */
const adminIds = optionalString.transform((raw, ctx): AdminId[] => {
  try {
    return parseAdminIdList(raw);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return [];
  }
});

/** "7,3,1" → [7,3,1] */
const dayList = (fallback: number[]) =>
  optionalString.transform((raw, ctx) => {
    if (!raw) return fallback;
    const days = raw.split(',').map((d) => Number(d.trim()));
    if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 60)) {
      ctx.addIssue({ code: 'custom', message: 'cần các số ngày nguyên từ 0 đến 60, cách nhau bằng dấu phẩy, ví dụ: "7,3,1"' });
    }
    return [...new Set(days)].sort((a, b) => b - a);
  });

const secret = optionalString.pipe(z.string().min(8).max(256).optional());

const envSchema = z
  .object({
    DATABASE_PATH: optionalString.transform((v) => v ?? 'var/thidua.sqlite'),
    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_API_ROOT: optionalUrl.transform((v) => v ?? 'https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: optionalUrl,
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'chỉ gồm A-Z, a-z, 0-9, _ và - (1–256 ký tự), theo yêu cầu của Telegram')
        .optional(),
    ),
    ZALO_BOT_TOKEN: optionalString,
    ZALO_API_ROOT: optionalUrl.transform((v) => v ?? 'https://bot-api.zaloplatforms.com'),
    ZALO_WEBHOOK_URL: optionalUrl,
    ZALO_WEBHOOK_SECRET: secret,
    ZALO_MONTHLY_QUOTA: intFromEnv(3000, 0, 10_000_000),
    ZALO_QUOTA_WARN_PERCENT: intFromEnv(80, 1, 100),
    ZALO_USER_LIMIT: intFromEnv(50, 0, 10_000_000),
    PORT: intFromEnv(8080, 0, 65535),
    HOST: optionalString,
    PUBLIC_BASE_URL: optionalUrl,
    ADMIN_IDS: adminIds,
    TZ: optionalString.transform((v) => v ?? 'Asia/Ho_Chi_Minh'),
    LOG_LEVEL: optionalString.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
    DRAFT_TTL_DAYS: intFromEnv(7, 1, 365),
    REMINDER_DAYS: dayList([7, 3, 1]),
    REMINDER_HOUR: intFromEnv(8, 0, 23),
    EXPORT_LINK_TTL_MINUTES: intFromEnv(30, 1, 7 * 24 * 60),
    ADMIN_LINK_TTL_MINUTES: intFromEnv(30, 1, 24 * 60),
    ADMIN_SESSION_MINUTES: intFromEnv(8 * 60, 5, 7 * 24 * 60),
    MAX_INPUT_CHARS: intFromEnv(2000, 100, 20_000),
    CONTEXT_IDLE_MINUTES: intFromEnv(30, 1, 24 * 60),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'bắt buộc khi đặt TELEGRAM_WEBHOOK_URL' });
    }
    if (env.ZALO_WEBHOOK_URL && !env.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'bắt buộc (8–256 ký tự) khi đặt ZALO_WEBHOOK_URL' });
    }
  });

export type Env = z.input<typeof envSchema>;

export interface Config {
  databasePath: string;
  telegram: { token?: string; apiRoot: string; webhookUrl?: string; webhookSecret?: string };
  zalo: {
    token?: string;
    apiRoot: string;
    webhookUrl?: string;
    webhookSecret?: string;
    monthlyQuota: number;
    quotaWarnPercent: number;
    /** Users a bot may have on its Zalo plan (free plan: 50); admins are told at 80 % and 100 %. 0: off. */
    userLimit: number;
  };
  port: number;
  /** Address the HTTP server binds to (HOST; default 0.0.0.0, all interfaces). */
  host?: string;
  publicBaseUrl?: string;
  adminIds: AdminId[];
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  draftTtlDays: number;
  reminderDays: number[];
  reminderHour: number;
  exportLinkTtlMinutes: number;
  /** The admin page (/quantri): how long a sign-in link is good, and how long a session lasts. */
  adminPage: { linkTtlMinutes: number; sessionMinutes: number };
  /** Longer messages are cut at this many characters (and the user is told). */
  maxInputChars: number;
  /** A follow-up question leans on the previous one for this long after it (CONTEXT_IDLE_MINUTES). */
  contextIdleMinutes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from `env` (default `process.env`). Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Operators read these messages: zod's own ones in Vietnamese too (our custom messages take precedence).
  const parsed = envSchema.safeParse(env, { error: z.locales.vi().localeError });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.') || 'env'}: ${i.message}`);
    throw new ConfigError(`Biến môi trường không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databasePath: e.DATABASE_PATH,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    },
    zalo: {
      token: e.ZALO_BOT_TOKEN,
      apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ''),
      webhookUrl: e.ZALO_WEBHOOK_URL,
      webhookSecret: e.ZALO_WEBHOOK_SECRET,
      monthlyQuota: e.ZALO_MONTHLY_QUOTA,
      quotaWarnPercent: e.ZALO_QUOTA_WARN_PERCENT,
      userLimit: e.ZALO_USER_LIMIT,
    },
    port: e.PORT,
    host: e.HOST ?? '0.0.0.0',
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    adminIds: e.ADMIN_IDS,
    timeZone: e.TZ,
    // Without any channel token the bot is a console chat (or a one-shot command): info lines on the
    // terminal would only get in the user's way, so the default is quieter there.
    logLevel: e.LOG_LEVEL ?? (e.TELEGRAM_BOT_TOKEN || e.ZALO_BOT_TOKEN ? 'info' : 'warn'),
    draftTtlDays: e.DRAFT_TTL_DAYS,
    reminderDays: e.REMINDER_DAYS,
    reminderHour: e.REMINDER_HOUR,
    exportLinkTtlMinutes: e.EXPORT_LINK_TTL_MINUTES,
    adminPage: { linkTtlMinutes: e.ADMIN_LINK_TTL_MINUTES, sessionMinutes: e.ADMIN_SESSION_MINUTES },
    maxInputChars: e.MAX_INPUT_CHARS,
    contextIdleMinutes: e.CONTEXT_IDLE_MINUTES,
  };
}
