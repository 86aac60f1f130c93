/** The channels a user can reach the bot on; ids are stored per channel ("telegram:123"). */
export const CHANNELS = ['telegram', 'zalo', 'console'] as const;
export type ChannelName = (typeof CHANNELS)[number];
