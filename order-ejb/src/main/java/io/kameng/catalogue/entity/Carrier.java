package io.kameng.catalogue.entity;

/** Mainland China mobile carriers: a phone or data top-up is bought for one of them. */
public enum Carrier {
  CHINA_MOBILE,
  CHINA_UNICOM,
  CHINA_TELECOM,
  CHINA_BROADNET
}
