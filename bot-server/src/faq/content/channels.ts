import type { FaqEntry } from "../types.js";
import { SOURCES } from "./sources.js";

/** How reminders reach people, when, and how to stop or restart them. */
export const channelEntries: FaqEntry[] = [
  {
    id: "reminders-how",
    topic: "reminders",
    question: { vi: "Tin nhắc việc được gửi đến tôi bằng cách nào (Zalo, ZNS hay SMS)?", en: "How do reminders reach me (Zalo, ZNS or SMS)?" },
    alternatives: {
      vi: ["nhac viec gui qua dau", "Tôi sẽ nhận thông báo qua Zalo hay tin nhắn SMS?", "sao lúc thì nhận trên zalo lúc thì sms", "ZNS là gì"],
      en: ["Will I get reminders by Zalo or SMS?", "what is ZNS"],
    },
    answer: {
      vi: "Nếu anh/chị đã nhắn tin với kênh trong 7 ngày gần nhất, nhắc việc được gửi ngay trong cuộc trò chuyện Zalo này. Quá 7 ngày, Zalo không cho kênh nhắn trực tiếp nữa, nên tin được gửi dạng thông báo Zalo (ZNS) đến số điện thoại của anh/chị; nếu không gửi được qua Zalo thì gửi tin nhắn SMS.",
      en: "If you have messaged this channel in the last 7 days, the reminder arrives in this Zalo chat. After 7 days Zalo no longer lets the channel write to you directly, so the reminder is sent as a Zalo notification (ZNS) to your phone number; if that cannot be delivered, it is sent by SMS.",
    },
    source: { title: SOURCES.zalo, ref: "Tin tư vấn trong 7 ngày kể từ lần tương tác cuối; Phụ lục mục 1 (thông báo Zalo/SMS)" },
  },
  {
    id: "reminders-quiet-hours",
    topic: "reminders",
    question: { vi: "Kênh có nhắn tin vào ban đêm không?", en: "Do you send messages at night?" },
    alternatives: {
      vi: ["nua dem co nhan tin khong", "Mấy giờ thì không gửi thông báo?", "giờ yên lặng là giờ nào", "tối khuya có bị làm phiền không"],
      en: ["quiet hours", "what time are reminders sent"],
    },
    answer: {
      vi: "Không. Nhắc việc và thông báo không được gửi từ 21:00 đến 07:00 (giờ Việt Nam). Tin đến hạn trong khoảng này được giữ lại và gửi từ 07:00 sáng.",
      en: "No. Reminders and notices are never sent between 21:00 and 07:00 (Vietnam time). Anything due in that window is held until 07:00 in the morning.",
    },
    source: { title: SOURCES.zalo, ref: "Giờ yên lặng 21:00–07:00 của kênh (Zalo chặn tin 22:00–06:00)" },
  },
  {
    id: "reminders-opt-out",
    topic: "reminders",
    question: { vi: "Làm sao để dừng nhận tin nhắc việc?", en: "How do I stop receiving reminders?" },
    alternatives: {
      vi: ["huy nhan thong bao", "Tôi không muốn nhận tin nữa", "tắt nhắc nhở thế nào", "ngung gui tin cho toi", "bỏ theo dõi chiến dịch tuyên truyền", "hủy đăng ký nhận tin"],
      en: ["unsubscribe from reminders", "I don't want these messages"],
    },
    answer: {
      vi: "Anh/chị nhắn “dừng nhận tin”, hoặc vào phần Cài đặt trong ứng dụng Dịch vụ công chủ động để tắt nhắc việc và tin tuyên truyền. Thông báo về hồ sơ anh/chị đã nộp vẫn được gửi để anh/chị không lỡ kết quả. Muốn nhận lại, nhắn “nhận lại tin”.",
      en: "Type “dừng nhận tin” (stop messages), or switch reminders and campaign messages off in Settings in the Mini App. Updates on dossiers you have filed are still sent so you do not miss a result. To get messages again, type “nhận lại tin”.",
    },
    source: { title: SOURCES.dataLaw, ref: "Quyền phản đối, rút lại sự đồng ý xử lý dữ liệu cá nhân" },
  },
  {
    id: "reminders-opt-in",
    topic: "reminders",
    question: { vi: "Làm sao để nhận lại tin nhắc việc?", en: "How do I turn reminders back on?" },
    alternatives: {
      vi: ["bat lai thong bao", "Muốn bật lại nhắc việc, đăng ký nhận lại", "mở lại nhắc việc", "nhan lai tin nhu the nao"],
      en: ["resubscribe", "turn reminders back on"],
    },
    answer: {
      vi: "Anh/chị nhắn “nhận lại tin”, hoặc bật lại trong phần Cài đặt của ứng dụng Dịch vụ công chủ động. Nhắc việc sẽ tiếp tục từ lần đến hạn tiếp theo.",
      en: "Type “nhận lại tin” (receive messages again), or switch them back on in Settings in the Mini App. Reminders resume from the next due date.",
    },
    source: { title: SOURCES.dataLaw, ref: "Quyền đồng ý, rút lại sự đồng ý" },
  },
  {
    id: "reminders-not-received",
    topic: "reminders",
    question: { vi: "Sao tôi không nhận được tin nhắc?", en: "Why haven't I received any reminder?" },
    alternatives: {
      vi: ["khong thay tin nhan nhac", "Con tôi sắp tới lịch tiêm mà không thấy nhắc", "không nhận được thông báo gì hết", "bi lo tin nhac"],
      en: ["I never got a reminder", "missing notifications"],
    },
    answer: {
      vi: "Anh/chị kiểm tra: đã quan tâm (theo dõi) kênh chưa; số điện thoại trên Zalo có trùng số trong hồ sơ của cơ quan không; có từng nhắn “dừng nhận tin” không. Tin không được gửi từ 21:00 đến 07:00. Dữ liệu của một số dịch vụ đang được các sở, ngành cập nhật dần. Vẫn chưa thấy, anh/chị nhắn “gặp cán bộ” hoặc gọi tổng đài 1022.",
      en: "Please check: that you follow this channel; that your Zalo phone number matches the one in the agency's records; that you have not typed “dừng nhận tin” (stop). Nothing is sent between 21:00 and 07:00. Some services' data is still being loaded by the departments. If still nothing, type “gặp cán bộ” or call the 1022 hotline.",
    },
    source: { title: SOURCES.plan920, ref: "Mục 4 (số hóa, chuẩn hóa dữ liệu giấy phép có thời hạn)" },
  },
  {
    id: "reminders-phone",
    topic: "reminders",
    question: { vi: "Tôi đổi số điện thoại thì cập nhật thế nào để vẫn nhận được nhắc?", en: "I changed my phone number; how do I keep getting reminders?" },
    alternatives: {
      vi: ["doi so dien thoai nhan tin", "Cập nhật sđt mới ở đâu?", "số điện thoại cũ không dùng nữa, đã thay sim", "xac minh so dien thoai"],
      en: ["update my phone number", "new phone number"],
    },
    answer: {
      vi: "Anh/chị mở ứng dụng Dịch vụ công chủ động và xác minh lại số điện thoại Zalo đang dùng. Thông báo ZNS và SMS đi theo số điện thoại, nên anh/chị cũng nên cập nhật số mới với cơ quan đang quản lý hồ sơ hoặc trên tài khoản định danh điện tử VNeID.",
      en: "Open the Mini App and verify the phone number you now use on Zalo. ZNS notifications and SMS follow your phone number, so please also update the new number with the agency that holds your records or in your VNeID account.",
    },
    source: { title: SOURCES.zalo, ref: "Thông báo ZNS gửi theo số điện thoại" },
  },
  {
    id: "reminders-why-me",
    topic: "reminders",
    question: { vi: "Sao cơ quan biết mà nhắn nhắc tôi, lấy thông tin ở đâu?", en: "How does the agency know to remind me, where does my data come from?" },
    alternatives: {
      vi: ["lay thong tin cua toi o dau", "Sao biết giấy phép của tôi sắp hết hạn?", "ai cung cấp dữ liệu cho hệ thống", "tai sao toi nhan duoc tin nay"],
      en: ["where did you get my details", "why did I receive this message"],
    },
    answer: {
      vi: "Hệ thống chỉ dùng dữ liệu các cơ quan nhà nước đã có để phục vụ anh/chị: dữ liệu dân cư, cư trú, giấy chứng sinh điện tử từ bệnh viện, danh sách giấy phép, chứng chỉ do các sở, ngành quản lý, dữ liệu thẻ BHYT. Dữ liệu được dùng đúng mục đích nhắc việc, hỗ trợ thủ tục và được bảo vệ theo Luật Bảo vệ dữ liệu cá nhân.",
      en: "The system only uses data the government already holds in order to serve you: population and residence data, electronic birth certificates from hospitals, the departments' lists of licences and certificates, and health insurance card data. It is used only for reminders and help with procedures, and is protected under the Personal Data Protection Law.",
    },
    source: { title: `${SOURCES.plan920}; ${SOURCES.dataLaw}`, ref: "Phụ lục (nguồn dữ liệu từng dịch vụ)" },
  },
];
