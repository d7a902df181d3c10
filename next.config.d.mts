import type { NextConfig } from 'next';

export declare const STATIC_SECURITY_HEADERS: Record<string, string>;
export declare function basePathFrom(value: string | undefined): string;
export declare function outputFrom(value: string | undefined): 'standalone' | undefined;
declare const nextConfig: NextConfig;
export default nextConfig;
