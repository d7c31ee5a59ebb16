export declare const DEV_KEYS: { issuer: string; audience: string; current_kid: string; keys: Record<string, string> };
export declare const DEV_USERS: {
  admin: { id: string; email: string; name: string };
  support: { id: string; email: string; name: string };
};
export declare const DEV_AUTH_VARS: Record<string, string>;
export declare function mintDevToken(options?: {
  admin?: boolean;
  expiresInS?: number;
  notBeforeS?: number;
  kid?: string;
  now?: number;
}): Promise<string>;
export declare const DEV_TOKENS: { admin: string; nonAdmin: string };
